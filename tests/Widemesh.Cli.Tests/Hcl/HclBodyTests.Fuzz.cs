using Widemesh.Cli.Hcl;

namespace Widemesh.Cli.Tests.Hcl;

public sealed partial class HclBodyTests
{
    [Fact(Timeout = 120_000)]
    public async Task Edits_of_randomly_broken_files_never_throw_and_add_no_errors()
    {
        var random = new Random(4242);
        var corpus = HclCorpus.FileNames.Select(HclCorpus.Read).ToList();

        await Task.Run(
            () =>
            {
                for (var i = 0; i < 1_000; i++)
                {
                    var text = corpus[random.Next(corpus.Count)];
                    var at = random.Next(text.Length);
                    var broken = random.Next(2) == 0 ? text.Remove(at, Math.Min(random.Next(1, 6), text.Length - at)) : text.Insert(at, "}{]\"\n#="[random.Next(7)].ToString());
                    var file = HclFile.Parse(broken);
                    var before = file.Errors.Count;

                    foreach (var body in Bodies(file.Body).ToList())
                    {
                        body.SetAttribute("fuzz", HclValue.List(["a"]));
                        if (body.Attributes.FirstOrDefault(a => a.Name != "fuzz") is { } attribute)
                        {
                            body.RemoveAttribute(attribute.Name);
                        }
                    }

                    file.Body.AppendBlock("added", ["x"], b => b.Attribute("n", 1));
                    var after = HclFile.Parse(file.ToFullString()).Errors.Count;
                    Assert.True(after <= before, $"{before} errors became {after} after editing:\n{broken}\n----\n{file.ToFullString()}");
                }
            },
            TestContext.Current.CancellationToken);
    }

    private static IEnumerable<HclBody> Bodies(HclBody body) => body.Blocks.SelectMany(b => Bodies(b.Body)).Prepend(body);
}
