using Widemesh.Cli.Tests.Support;
using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Snapshots;

namespace Widemesh.Cli.Tests.Commands.Export;

public sealed class ExportCommandTests(MeshdFixture fixture)
{
    [Fact]
    public async Task Export_writes_resources_with_import_blocks_so_the_next_plan_only_imports()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        await mesh.CreateRacksAsync(["main"], TestContext.Current.CancellationToken);
        var name = Some.Name();
        using (var client = mesh.CreateClient())
        {
            await client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name, Racks = ["main"] }, TestContext.Current.CancellationToken);
        }

        var export = await mesh.RunExpectingAsync(0, ["export", "--json"], TestContext.Current.CancellationToken);
        var plan = await mesh.RunExpectingAsync(0, ["plan", "--json"], TestContext.Current.CancellationToken);
        await mesh.RunExpectingAsync(0, ["apply"], TestContext.Current.CancellationToken);
        var after = await mesh.RunExpectingAsync(0, ["plan", "--json"], TestContext.Current.CancellationToken);

        Assert.Equal(["widemesh_rack.main", $"widemesh_environment.{name}"], export.Json["imports"]!.AsArray().Select(i => (string?)i));
        Assert.Equal(["providers.tf", "rack_main.tf", $"environment_{name}.tf"], export.Json["files"]!.AsArray().Select(i => (string?)i));
        Assert.Equal(2, (int?)plan.Json["changes"]!["import"]);
        Assert.Equal(0, (int?)plan.Json["changes"]!["add"] + (int?)plan.Json["changes"]!["change"] + (int?)plan.Json["changes"]!["destroy"]);
        Assert.Empty(after.Json["resourceChanges"]!.AsArray());
        Snapshot.Match(mesh.ReadWorkspaceFile("rack_main.tf"), "tf");
    }

    [Fact]
    public async Task Export_of_a_complete_workspace_writes_nothing()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        await mesh.RunExpectingAsync(0, ["rack", "create", "main"], TestContext.Current.CancellationToken);

        var result = await mesh.RunExpectingAsync(0, ["export"], TestContext.Current.CancellationToken);

        Assert.Contains("already has every rack and environment", result.Out, StringComparison.Ordinal);
    }
}
