using Widemesh.Cli.Tests.Support;

namespace Widemesh.Cli.Tests.Commands.Version;

public sealed class VersionCommandTests(MeshdFixture fixture)
{
    [Fact]
    public async Task Version_prints_the_version_and_runtime()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);

        var result = await mesh.RunAsync(["version"], TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("mesh 0.1.0 (.NET", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_json_has_version_runtime_and_platform()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);

        var result = await mesh.RunProcessAsync(["version", "--json"], null, TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        var json = result.Json;
        Assert.Equal("0.1.0", (string?)json["version"]);
        Assert.NotNull((string?)json["runtime"]);
        Assert.NotNull((string?)json["platform"]);
    }
}
