using Widemesh.Cli.Tests.Support;

namespace Widemesh.Cli.Tests.Commands.Env;

public sealed class EnvUpdateCommandTests(MeshdFixture fixture)
{
    [Fact]
    public async Task Env_update_changes_only_the_racks_expression_and_keeps_everything_else_byte_for_byte()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        await mesh.CreateRacksAsync(["old", "new"], TestContext.Current.CancellationToken);
        var name = Some.Name();
        await mesh.RunExpectingAsync(0, ["env", "create", name, "--rack", "old"], TestContext.Current.CancellationToken);
        var file = $"environment_{name}.tf";
        mesh.WriteWorkspaceFile(file, $$"""
            # The shop front. Owner: team-a
            resource "widemesh_environment" "{{name}}" {
              name    =   "{{name}}" // keep this name
              /* migrating */ racks = ["old"] # step 1
            }

            """);

        await mesh.RunExpectingAsync(0, ["env", "update", name, "--rack", "old,new"], TestContext.Current.CancellationToken);

        Assert.Equal(
            $$"""
            # The shop front. Owner: team-a
            resource "widemesh_environment" "{{name}}" {
              name    =   "{{name}}" // keep this name
              /* migrating */ racks = ["old", "new"] # step 1
            }

            """,
            mesh.ReadWorkspaceFile(file));
    }

    [Fact]
    public async Task Env_update_keeps_the_order_so_the_last_rack_is_primary()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        await mesh.CreateRacksAsync(["old", "new"], TestContext.Current.CancellationToken);
        var name = Some.Name();
        await mesh.RunExpectingAsync(0, ["env", "create", name, "--rack", "old"], TestContext.Current.CancellationToken);

        var both = await mesh.RunExpectingAsync(0, ["env", "update", name, "--rack", "old,new", "--json"], TestContext.Current.CancellationToken);
        var last = await mesh.RunExpectingAsync(0, ["env", "update", name, "--rack", "new", "--json"], TestContext.Current.CancellationToken);

        Assert.Equal("update", (string?)both.Json["resourceChanges"]![0]!["action"]);
        Assert.Equal(["old", "new"], both.Json["environment"]!["racks"]!.AsArray().Select(r => (string?)r));
        Assert.Equal("new", (string?)both.Json["environment"]!["primaryRack"]);
        Assert.Equal(["new"], last.Json["environment"]!["racks"]!.AsArray().Select(r => (string?)r));
    }

    [Fact]
    public async Task Env_update_of_an_environment_outside_the_workspace_suggests_export()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        await mesh.CreateRacksAsync(["r"], TestContext.Current.CancellationToken);
        var name = Some.Name();
        using (var client = mesh.CreateClient())
        {
            await client.CreateEnvironmentAsync(new Sdk.Contracts.CreateEnvironmentRequest { Name = name, Racks = ["r"] }, TestContext.Current.CancellationToken);
        }

        var result = await mesh.RunExpectingAsync(5, ["env", "update", name, "--rack", "r"], TestContext.Current.CancellationToken);

        Assert.Contains("mesh export", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Env_update_refuses_an_environment_another_workspace_manages_unless_forced()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        await mesh.CreateRacksAsync(["a", "b"], TestContext.Current.CancellationToken);
        var name = Some.Name();
        await mesh.RunExpectingAsync(0, ["env", "create", name, "--rack", "a"], TestContext.Current.CancellationToken);
        var first = mesh.Workspace;
        var second = Path.Combine(mesh.Home, "second");
        await mesh.RunExpectingAsync(0, ["export", "--workspace", second, "--force"], TestContext.Current.CancellationToken);
        await mesh.RunExpectingAsync(0, ["apply", "--workspace", second, "--force"], TestContext.Current.CancellationToken);

        // Adds b rather than replacing a: dropping the rack DNS points at is refused for its own reason (issue 6).
        var refused = await mesh.RunExpectingAsync(6, ["env", "update", name, "--rack", "a,b", "--workspace", first], TestContext.Current.CancellationToken);
        var fileAfterRefusal = File.ReadAllText(Path.Combine(first, $"environment_{name}.tf"));
        var forced = await mesh.RunExpectingAsync(0, ["env", "update", name, "--rack", "a,b", "--workspace", first, "--force"], TestContext.Current.CancellationToken);

        Assert.Contains($"Environment '{name}' is managed by another workspace", refused.Error, StringComparison.Ordinal);
        Assert.Contains(second, refused.Error, StringComparison.Ordinal);
        Assert.Contains("racks = [\"a\"]", fileAfterRefusal, StringComparison.Ordinal);
        Assert.Contains("DNS points at b", forced.Out, StringComparison.Ordinal);
    }
}
