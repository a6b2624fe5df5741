using Widemesh.Cli.Tests.Support;

namespace Widemesh.Cli.Tests.Commands.Env;

public sealed class EnvDeleteCommandTests(MeshdFixture fixture)
{
    [Fact]
    public async Task Env_delete_removes_the_file_and_the_environment()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        await mesh.CreateRacksAsync(["r"], TestContext.Current.CancellationToken);
        var name = Some.Name();
        await mesh.RunExpectingAsync(0, ["env", "create", name], TestContext.Current.CancellationToken);

        var result = await mesh.RunExpectingAsync(0, ["env", "delete", name, "--json"], TestContext.Current.CancellationToken);

        Assert.Equal(1, (int?)result.Json["changes"]!["destroy"]);
        Assert.Equal("delete", (string?)result.Json["resourceChanges"]![0]!["action"]);
        Assert.False(File.Exists(Path.Combine(mesh.Workspace, $"environment_{name}.tf")));
        using var client = mesh.CreateClient();
        Assert.Null(await client.GetEnvironmentAsync(name, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Env_delete_of_an_unknown_environment_says_so()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);

        var result = await mesh.RunExpectingAsync(5, ["env", "delete", Some.Name(), "--json"], TestContext.Current.CancellationToken);

        Assert.Equal("not-found", (string?)result.Json["error"]!["code"]);
    }
}
