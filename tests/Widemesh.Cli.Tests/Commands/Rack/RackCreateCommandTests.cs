using Widemesh.Cli.Tests.Support;
using Widemesh.Testing.Snapshots;

namespace Widemesh.Cli.Tests.Commands.Rack;

public sealed class RackCreateCommandTests(MeshdFixture fixture)
{
    [Fact]
    public async Task Rack_create_writes_the_rack_file_and_creates_the_rack()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);

        var result = await mesh.RunExpectingAsync(0, ["rack", "create", "main", "--json"], TestContext.Current.CancellationToken);

        Assert.Equal("main", (string?)result.Json["rack"]!["name"]);
        Assert.Equal("local", (string?)result.Json["rack"]!["provider"]);
        Assert.Null(result.Json["environment"]);
        Snapshot.Match(mesh.ReadWorkspaceFile("rack_main.tf"), "tf");
    }

    [Fact]
    public async Task Rack_create_refuses_a_duplicate_rack()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        await mesh.CreateRacksAsync(["main"], TestContext.Current.CancellationToken);

        var result = await mesh.RunExpectingAsync(6, ["rack", "create", "main"], TestContext.Current.CancellationToken);

        Assert.Contains("Rack 'main' already exists in your account", result.Error, StringComparison.Ordinal);
        Assert.Contains("mesh export", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rack_create_refuses_a_duplicate_in_the_workspace()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        await mesh.RunExpectingAsync(0, ["rack", "create", "main"], TestContext.Current.CancellationToken);

        var result = await mesh.RunExpectingAsync(6, ["rack", "create", "main", "--json"], TestContext.Current.CancellationToken);

        Assert.Equal("name-taken", (string?)result.Json["error"]!["code"]);
    }

    [Fact]
    public async Task Rack_create_aws_needs_a_region()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);

        var result = await mesh.RunExpectingAsync(2, ["rack", "create", "cloud", "--provider", "aws"], TestContext.Current.CancellationToken);

        Assert.Contains("--region is required with --provider aws", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rack_create_refuses_an_unknown_provider()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);

        var result = await mesh.RunExpectingAsync(2, ["rack", "create", "cloud", "--provider", "gcp"], TestContext.Current.CancellationToken);

        Assert.Contains("gcp", result.Error, StringComparison.Ordinal);
    }
}
