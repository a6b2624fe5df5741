using Widemesh.Cli.Hcl;

namespace Widemesh.Cli.Tests.Hcl;

public sealed partial class HclParserTests
{
    private const string Inserted = "{}[]()\"$%~<-=:?.,!*/#\n\t \\x1";

    [Fact(Timeout = 300_000)]
    public async Task Parser_accepts_and_rejects_the_same_mutated_files_as_terraform()
    {
        if (TerraformFmt.Executable is null)
        {
            Assert.Skip("terraform is not on PATH, so the parser cannot be compared with it.");
        }

        var cancellationToken = TestContext.Current.CancellationToken;
        var random = new Random(17);
        var corpus = HclCorpus.FileNames.Select(HclCorpus.Read).ToList();
        var disagreements = new List<string>();
        for (var i = 0; i < 150; i++)
        {
            var mutated = MutateOnce(corpus[random.Next(corpus.Count)], random);
            var terraformAccepts = await TerraformFmt.AcceptsAsync(mutated, cancellationToken);
            var file = HclFile.Parse(mutated, "mutated.tf");
            if (terraformAccepts == file.HasErrors)
            {
                var ours = file.HasErrors ? file.Errors[0].ToString() : "accepted";
                disagreements.Add($"terraform {(terraformAccepts ? "accepts" : "rejects")}, we say {ours}:\n{mutated}");
            }
        }

        Assert.Empty(disagreements);
    }

    [Fact(Timeout = 300_000)]
    public async Task Parser_accepts_and_rejects_the_same_generated_expressions_as_terraform()
    {
        if (TerraformFmt.Executable is null)
        {
            Assert.Skip("terraform is not on PATH, so the parser cannot be compared with it.");
        }

        var cancellationToken = TestContext.Current.CancellationToken;
        var some = new SomeHcl(seed: 6);
        var disagreements = new List<string>();
        for (var i = 0; i < 150; i++)
        {
            var source = "attr = " + some.Expression() + "\n";
            var terraformAccepts = await TerraformFmt.AcceptsAsync(source, cancellationToken);
            var file = HclFile.Parse(source, "generated.tf");
            Assert.Equal(source, file.ToFullString());
            if (terraformAccepts == file.HasErrors)
            {
                var ours = file.HasErrors ? file.Errors[0].ToString() : "accepted";
                disagreements.Add($"terraform {(terraformAccepts ? "accepts" : "rejects")}, we say {ours}:\n{source}");
            }
        }

        Assert.Empty(disagreements);
    }

    [Theory]
    [InlineData("x.*[0].*")]
    [InlineData("x[*].y.*")]
    [InlineData("x[*][*]")]
    [InlineData("(x.*).*")]
    [InlineData("\"${<<EOT\nx\nEOT\n}\"")]
    [InlineData("{ # c\n}")]
    [InlineData("x.0[1]")]
    [InlineData("1 == 2 == 3")]
    [InlineData("provider::a::b::c(1)")]
    public void Splats_terraform_accepts_parse(string source)
    {
        var file = HclFile.Parse($"a = {source}\n");

        Assert.Empty(file.Errors);
    }

    [Theory]
    [InlineData("a = 1 +\n 2\n")]
    [InlineData("a = x ?\n 1 : 2\n")]
    [InlineData("a = {\n b\n = 1\n}\n")]
    [InlineData("a = 1 \r b = 2\n")]
    [InlineData("a = <<EOT\nx\r y\nEOT\n")]
    [InlineData("a = 1 /* x\n */ b = 2\n")]
    [InlineData("a = x.*.y.*\n")]
    [InlineData("a = x.*.0.*\n")]
    [InlineData("a = <<EOF\nx\nEOF")]
    [InlineData("a = <<EOF  \nx\nEOF\n")]
    [InlineData("a = [<<EOF, 2]\nx\nEOF\n")]
    [InlineData("a = b.c()\n")]
    [InlineData("a = f(x...,)\n")]
    [InlineData("a = { \"a\" = 1 \"b\" = 2 }\n")]
    [InlineData("a = \"%{ if a }%{ else }%{ else }%{ endif }\"\n")]
    [InlineData("a = \"%{ foo }\"\n")]
    [InlineData("\"block\" {}\n")]
    [InlineData("a = x::y\n")]
    public void Constructs_terraform_rejects_are_errors(string source)
    {
        var file = HclFile.Parse(source);

        Assert.True(file.HasErrors);
        Assert.Equal(source, file.ToFullString());
    }

    private static string MutateOnce(string text, Random random)
    {
        var at = random.Next(text.Length);
        return random.Next(3) switch
        {
            0 => text.Remove(at, Math.Min(random.Next(1, 4), text.Length - at)),
            1 => text.Insert(at, Inserted[random.Next(Inserted.Length)].ToString()),
            _ => text.Insert(at, text.Substring(random.Next(text.Length - 10), random.Next(1, 10))),
        };
    }
}
