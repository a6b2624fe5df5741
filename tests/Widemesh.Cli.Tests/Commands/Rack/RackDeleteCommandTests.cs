using Widemesh.Cli.Tests.Support;

namespace Widemesh.Cli.Tests.Commands.Rack;

public sealed class RackDeleteCommandTests(MeshdFixture fixture)
{
    [Fact]
    public async Task Rack_delete_is_refused_while_environments_run_on_it_naming_them()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        await mesh.RunExpectingAsync(0, ["rack", "create", "main"], TestContext.Current.CancellationToken);
        var name = Some.Name();
        await mesh.RunExpectingAsync(0, ["env", "create", name], TestContext.Current.CancellationToken);

        var result = await mesh.RunExpectingAsync(6, ["rack", "delete", "main"], TestContext.Current.CancellationToken);

        Assert.Contains($"Rack 'main' still hosts {name}", result.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(mesh.Workspace, "rack_main.tf")));
    }

    [Fact]
    public async Task Rack_delete_removes_an_unused_rack()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        await mesh.RunExpectingAsync(0, ["rack", "create", "main"], TestContext.Current.CancellationToken);

        var result = await mesh.RunExpectingAsync(0, ["rack", "delete", "main"], TestContext.Current.CancellationToken);

        Assert.Contains("Rack 'main' is deleted.", result.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(mesh.Workspace, "rack_main.tf")));
        var list = await mesh.RunExpectingAsync(0, ["rack", "ls", "--json"], TestContext.Current.CancellationToken);
        Assert.Empty(list.Json["items"]!.AsArray());
    }
}
