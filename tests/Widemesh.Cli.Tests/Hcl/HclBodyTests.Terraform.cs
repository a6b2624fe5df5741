using Widemesh.Cli.Hcl;

namespace Widemesh.Cli.Tests.Hcl;

public sealed partial class HclBodyTests
{
    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public async Task Adding_attributes_and_blocks_to_a_formatted_file_keeps_it_formatted(string name)
    {
        if (TerraformFmt.Executable is null)
        {
            Assert.Skip("terraform is not on PATH, so edits cannot be checked against terraform fmt.");
        }

        var cancellationToken = TestContext.Current.CancellationToken;
        var file = HclFile.Parse(await TerraformFmt.FormatAsync(HclCorpus.Read(name), cancellationToken));
        foreach (var body in Bodies(file.Body).ToList())
        {
            body.SetAttribute("added_by_mesh", HclValue.List(["x", "y"]));
            body.SetAttribute("racks", HclValue.List(["eu-west"]));
        }

        file.Body.AppendBlock("resource", ["widemesh_environment", "added"], b => b.Attribute("name", "added").Attribute("racks", ["local"]));

        Assert.Equal(await TerraformFmt.FormatAsync(file.ToFullString(), cancellationToken), file.ToFullString());
    }
}
