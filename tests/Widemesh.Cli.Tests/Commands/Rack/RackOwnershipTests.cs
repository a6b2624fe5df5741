using Widemesh.Cli.Tests.Support;

namespace Widemesh.Cli.Tests.Commands.Rack;

/// <summary>The ownership guard for racks: mesh records the workspace as a rack's manager and keeps other workspaces off it.</summary>
public sealed class RackOwnershipTests(MeshdFixture fixture)
{
    [Fact]
    public async Task Rack_create_records_the_workspace_as_the_racks_manager()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);

        await mesh.RunExpectingAsync(0, ["rack", "create", "main"], TestContext.Current.CancellationToken);

        using var client = mesh.CreateClient();
        var rack = await client.GetRackAsync("main", TestContext.Current.CancellationToken);
        Assert.StartsWith("ws_", rack!.ManagedBy, StringComparison.Ordinal);
        Assert.Contains(mesh.Workspace, rack.ManagedBy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rack_delete_refuses_a_rack_another_workspace_manages_unless_forced()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        await mesh.RunExpectingAsync(0, ["rack", "create", "main"], TestContext.Current.CancellationToken);
        var first = mesh.Workspace;
        var second = Path.Combine(mesh.Home, "second");
        await mesh.RunExpectingAsync(0, ["export", "--workspace", second, "--force"], TestContext.Current.CancellationToken);
        await mesh.RunExpectingAsync(0, ["apply", "--workspace", second, "--force"], TestContext.Current.CancellationToken);

        var refused = await mesh.RunExpectingAsync(6, ["rack", "delete", "main", "--workspace", first], TestContext.Current.CancellationToken);
        using var client = mesh.CreateClient();
        var afterRefusal = await client.GetRackAsync("main", TestContext.Current.CancellationToken);
        await mesh.RunExpectingAsync(0, ["rack", "delete", "main", "--workspace", first, "--force"], TestContext.Current.CancellationToken);

        Assert.Contains("Rack 'main' is managed by another workspace", refused.Error, StringComparison.Ordinal);
        Assert.Contains(second, refused.Error, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
        Assert.NotNull(afterRefusal);
        Assert.Contains(second, afterRefusal.ManagedBy, StringComparison.Ordinal);
        Assert.Null(await client.GetRackAsync("main", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_rack_managed_by_another_tool_does_not_block()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        await mesh.RunExpectingAsync(0, ["rack", "create", "main"], TestContext.Current.CancellationToken);
        using var client = mesh.CreateClient();
        await client.UpdateRackAsync("main", new Sdk.Contracts.UpdateRackRequest { ManagedBy = "terraform" }, null, TestContext.Current.CancellationToken);

        await mesh.RunExpectingAsync(0, ["rack", "delete", "main"], TestContext.Current.CancellationToken);

        Assert.Null(await client.GetRackAsync("main", TestContext.Current.CancellationToken));
    }
}
