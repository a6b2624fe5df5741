using System.Diagnostics;
using System.Text;
using Widemesh.Cli.Hcl;

namespace Widemesh.Cli.Tests.Hcl;

public sealed partial class HclParserTests
{
    private const string Interesting = "{}[]()\"$%~<-=:?.,!*/#\n\r\t \\ EOFx1";

    public static TheoryData<string, int> DeepInputs => new()
    {
        { "x = " + new string('[', 100_000) + new string(']', 100_000) + "\n", 1 },
        { "x = " + new string('(', 100_000) + "1" + new string(')', 100_000) + "\n", 1 },
        { "x = " + new string('-', 100_000) + "1\n", 1 },
        { "x = " + string.Concat(Enumerable.Repeat("{a=", 50_000)) + "1" + new string('}', 50_000) + "\n", 1 },
        { "x = " + string.Concat(Enumerable.Repeat("\"${", 50_000)) + "1" + string.Concat(Enumerable.Repeat("}\"", 50_000)) + "\n", 1 },
        { "x = \"" + string.Concat(Enumerable.Repeat("%{if a}", 20_000)) + "\"\n", 1 },
        { string.Concat(Enumerable.Repeat("a {\n", 20_000)) + string.Concat(Enumerable.Repeat("}\n", 20_000)), 1 },
    };

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(DeepInputs))]
    public async Task Deep_nesting_gives_an_error_instead_of_a_stack_overflow(string source, int minimumErrors)
    {
        var file = await Task.Run(() => HclFile.Parse(source, "deep.tf"), TestContext.Current.CancellationToken);

        Assert.True(file.Errors.Count >= minimumErrors);
        Assert.Equal(source, file.ToFullString());
    }

    public static TheoryData<string> LongInputs => new()
    {
        "x = [" + new string('\n', 100_000) + "]\n",
        "x = {" + string.Concat(Enumerable.Repeat("\na = 1", 30_000)) + "\n}\n",
        "x = \"" + new string('a', 200_000) + "\"\n",
        "x = <<EOT\n" + string.Concat(Enumerable.Repeat("line ${a}\n", 30_000)) + "EOT\n",
        string.Concat(Enumerable.Repeat("x = ]\n", 30_000)),
        string.Concat(Enumerable.Repeat("# comment\n\n", 50_000)),
        "x = " + string.Concat(Enumerable.Repeat("a + ", 50_000)) + "1\n",
        "x = a" + string.Concat(Enumerable.Repeat(".b[0]", 50_000)) + "\n",
    };

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(LongInputs))]
    public async Task Long_inputs_that_could_trigger_quadratic_behaviour_parse_quickly(string source)
    {
        var watch = Stopwatch.StartNew();

        var file = await Task.Run(() => HclFile.Parse(source), TestContext.Current.CancellationToken);

        Assert.Equal(source, file.ToFullString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"parsing took {watch.Elapsed}");
    }

    [Fact]
    public void Nesting_within_the_limit_parses_without_errors()
    {
        var source = "x = " + new string('[', 150) + new string(']', 150) + "\n";

        var file = HclFile.Parse(source);

        Assert.Empty(file.Errors);
    }

    [Fact(Timeout = 120_000)]
    public async Task Random_mutations_of_the_corpus_never_throw_and_always_round_trip()
    {
        var random = new Random(20261125);
        var corpus = HclCorpus.FileNames.Select(HclCorpus.Read).ToList();
        var slowest = TimeSpan.Zero;

        await Task.Run(
            () =>
            {
                for (var i = 0; i < 5_000; i++)
                {
                    var mutated = Mutate(corpus[random.Next(corpus.Count)], random);
                    var watch = Stopwatch.StartNew();
                    var file = HclFile.Parse(mutated, "fuzz.tf");
                    slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
                    Assert.True(mutated == file.ToFullString(), $"round trip failed for:\n{mutated}");
                    Assert.All(file.Errors, e => Assert.True(e.Line >= 1 && e.Column >= 1));
                }
            },
            TestContext.Current.CancellationToken);

        Assert.True(slowest < TimeSpan.FromSeconds(5), $"slowest parse took {slowest}");
    }

    [Fact(Timeout = 60_000)]
    public async Task Every_truncation_of_the_corpus_parses_and_round_trips()
    {
        await Task.Run(
            () =>
            {
                foreach (var text in HclCorpus.FileNames.Select(HclCorpus.Read))
                {
                    for (var length = 0; length <= text.Length; length++)
                    {
                        var truncated = text[..length];
                        Assert.Equal(truncated, HclFile.Parse(truncated).ToFullString());
                    }
                }
            },
            TestContext.Current.CancellationToken);
    }

    [Fact(Timeout = 120_000)]
    public async Task Large_files_parse_in_linear_time()
    {
        var unit = HclCorpus.Read("network.tf");
        var small = string.Concat(Enumerable.Repeat(unit, 20));
        var large = string.Concat(Enumerable.Repeat(unit, 500));

        var (smallTime, largeTime) = await Task.Run(
            () =>
            {
                HclFile.Parse(large);
                return (BestOf(5, () => HclFile.Parse(small)), BestOf(5, () => HclFile.Parse(large)));
            },
            TestContext.Current.CancellationToken);

        // 25 times the input: linear is about 25 times slower (more on a busy machine), quadratic would be 625.
        Assert.True(largeTime < smallTime * 200, $"20 copies took {smallTime}, 500 copies took {largeTime}");
    }

    private static TimeSpan BestOf(int runs, Action action)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }

        return best;
    }

    private static string Mutate(string text, Random random)
    {
        var builder = new StringBuilder(text);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(builder.Length + 1);
            switch (random.Next(5))
            {
                case 0:
                    builder.Length = at;
                    break;
                case 1:
                    builder.Remove(at, Math.Min(random.Next(1, 20), builder.Length - at));
                    break;
                case 2:
                    builder.Insert(at, Interesting[random.Next(Interesting.Length)]);
                    break;
                case 3:
                    var from = random.Next(builder.Length + 1);
                    var length = Math.Min(random.Next(1, 40), builder.Length - from);
                    builder.Insert(at, builder.ToString(from, length));
                    break;
                default:
                    builder.Insert(at, (char)random.Next(0, 0x3000));
                    break;
            }
        }

        return builder.ToString();
    }
}
