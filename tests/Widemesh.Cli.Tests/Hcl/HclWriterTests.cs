using Widemesh.Cli.Hcl;
using Widemesh.Testing.Snapshots;

namespace Widemesh.Cli.Tests.Hcl;

public sealed class HclWriterTests
{
    public static TheoryData<string> Samples => [.. SampleFiles.Keys];

    private static Dictionary<string, HclBodyBuilder> SampleFiles => new()
    {
        ["provider"] = ProviderFile(),
        ["environment"] = EnvironmentFile(),
        ["export"] = ExportFile(),
        ["values"] = ValuesFile(),
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Generated_file_matches_its_snapshot(string sample)
    {
        var text = HclWriter.Write(SampleFiles[sample]);

        await Snapshot.MatchAsync(text, "tf", TestContext.Current.CancellationToken, sample);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Generated_file_parses_back_without_errors(string sample)
    {
        var text = HclWriter.Write(SampleFiles[sample]);

        var file = HclFile.Parse(text);

        Assert.Empty(file.Errors);
        Assert.Equal(text, file.ToFullString());
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Generated_file_is_left_unchanged_by_terraform_fmt(string sample)
    {
        SkipWithoutTerraform();
        var text = HclWriter.Write(SampleFiles[sample]);

        var formatted = await TerraformFmt.FormatAsync(text, TestContext.Current.CancellationToken);

        Assert.Equal(text, formatted);
    }

    [Fact]
    public async Task Edited_file_is_left_unchanged_by_terraform_fmt()
    {
        SkipWithoutTerraform();
        var file = HclFile.Parse(HclWriter.Write(EnvironmentFile()));
        var body = file.Body.FindBlock("resource", "widemesh_environment", "web")!.Body;
        body.SetAttribute("racks", HclValue.List(["local", "eu-west-1"]));
        body.SetAttribute("description_for_humans", HclValue.From("appended, so the group is realigned"));
        body.SetAttribute("labels", HclValue.Object(("team", HclValue.From("ops"))));
        file.Body.AppendBlock("resource", ["widemesh_rack", "extra"], b => b.Attribute("name", "extra"));

        var formatted = await TerraformFmt.FormatAsync(file.ToFullString(), TestContext.Current.CancellationToken);

        Assert.Equal(file.ToFullString(), formatted);
    }

    [Fact]
    public void Evaluating_a_generated_value_gives_the_value_back()
    {
        var value = SampleValue();
        var file = HclFile.Parse(HclWriter.Write(new HclBodyBuilder().Attribute("v", value)));

        var result = HclEvaluator.Evaluate(file.Body.FindAttribute("v")!, file);

        Assert.Equal(value, result.Value);
    }

    private static void SkipWithoutTerraform()
    {
        if (TerraformFmt.Executable is null)
        {
            Assert.Skip("terraform is not on PATH, so generated files cannot be checked against terraform fmt.");
        }
    }

    private static HclBodyBuilder ProviderFile() => new HclBodyBuilder()
        .Block("terraform", t => t.Block("required_providers", p => p.Attribute(
            "widemesh",
            HclValue.Object(
                ("source", HclValue.From("widemesh/widemesh")),
                ("version", HclValue.From(">= 0.1.0"))))))
        .Block("provider", ["widemesh"], p => p.Attribute("endpoint", "http://127.0.0.1:7070"));

    private static HclBodyBuilder EnvironmentFile() => new HclBodyBuilder()
        .Block("resource", ["widemesh_environment", "web"], r => r
            .Attribute("name", "web")
            .Comment("The last rack is where DNS points.")
            .Attribute("racks", ["local"])
            .Block("lifecycle", l => l.Attribute("prevent_destroy", false)));

    private static HclBodyBuilder ExportFile() => new HclBodyBuilder()
        .Comment("Written by mesh export.\nThe import blocks adopt what the platform already has.")
        .Block("import", i => i.RawAttribute("to", "widemesh_rack.local").Attribute("id", "local"))
        .Block("resource", ["widemesh_rack", "local"], r => r.Attribute("name", "local").Attribute("provider_kind", "local"))
        .Block("import", i => i.RawAttribute("to", "widemesh_environment.api").Attribute("id", "api"))
        .Block("resource", ["widemesh_environment", "api"], r => r
            .Attribute("name", "api")
            .RawAttribute("racks", "[widemesh_rack.local.name]"));

    private static HclBodyBuilder ValuesFile() => new HclBodyBuilder()
        .Block("locals", l => l
            .Attribute("value", SampleValue())
            .Attribute("a", 1)
            .Attribute("longer_name", true)
            .Attribute("empty_list", HclValue.List())
            .Attribute("empty_object", HclValue.Object())
            .Attribute("nothing", HclValue.Null));

    private static HclValue SampleValue() => HclValue.Object(
        ("plain", HclValue.From("text")),
        ("escapes", HclValue.From("quote \" backslash \\ newline \n tab \t ${not} %{directive} bell \u0007")),
        ("unicode", HclValue.From("café 🚀 日本")),
        ("numbers", HclValue.List(HclValue.From(0), HclValue.From(-42), HclNumber.From(1.25m), HclNumber.Parse("1e30")!)),
        ("nested", HclValue.Object(("deeper", HclValue.Object(("x", HclValue.From(false)))))),
        ("objects", HclValue.List(HclValue.Object(("a", HclValue.From(1))), HclValue.Object(("bb", HclValue.From(2))))),
        ("quoted key", HclValue.From("needs quotes")),
        ("for", HclValue.From("keyword key")),
        ("null_value", HclValue.Null));
}
