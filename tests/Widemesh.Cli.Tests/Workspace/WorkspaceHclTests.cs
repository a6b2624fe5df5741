using Widemesh.Cli.Workspace;
using Widemesh.Testing.Snapshots;

namespace Widemesh.Cli.Tests.Workspace;

public sealed class WorkspaceHclTests
{
    [Fact]
    public void Providers_file_matches_the_snapshot() => Snapshot.Match(WorkspaceHcl.Providers(), "tf");

    [Fact]
    public void Environment_file_matches_the_snapshot() =>
        Snapshot.Match(WorkspaceHcl.Environment("shop", ["old-rack", "new-rack"]), "tf");

    [Fact]
    public void Aws_rack_with_import_block_matches_the_snapshot() =>
        Snapshot.Match(WorkspaceHcl.Rack("cloud", "aws", "eu-west-1", Cli.Commands.Rack.RackCreateCommand.ProviderAttribute) + "\n" + WorkspaceHcl.Import("widemesh_rack", "cloud"), "tf");

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("${var}", "\"$${var}\"")]
    [InlineData("back\\slash\nline", "\"back\\\\slash\\nline\"")]
    public void Quote_escapes_what_hcl_would_interpret(string value, string expected) => Assert.Equal(expected, WorkspaceHcl.Quote(value));

    [Fact]
    public void Generated_files_parse_without_errors_and_round_trip()
    {
        var text = WorkspaceHcl.Providers() + WorkspaceHcl.Environment("shop", ["a"]) + "\n" + WorkspaceHcl.Import("widemesh_environment", "shop");

        var file = Cli.Hcl.HclFile.Parse(text, "gen.tf");

        Assert.False(file.HasErrors, string.Join('\n', file.Errors));
        Assert.Equal(text, file.ToFullString());
    }
}
