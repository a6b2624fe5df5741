using Widemesh.Cli.Tests.Support;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Cli.Tests.Commands.Rack;

public sealed class RackListCommandTests(MeshdFixture fixture)
{
    [Fact]
    public async Task Rack_ls_lists_racks_sorted_by_name()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var mesh = await MeshCli.CreateAsync(fixture, cancellationToken);
        using var client = fixture.CreateClient(mesh.Variables["WIDEMESH_TOKEN"]!);
        await client.CreateRackAsync(new CreateRackRequest { Name = "zulu" }, cancellationToken);
        await client.CreateRackAsync(new CreateRackRequest { Name = "alpha" }, cancellationToken);

        var result = await mesh.RunAsync(["rack", "ls"], TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            ["NAME   PROVIDER  REGION  STATUS", "alpha  local     -       ready", "zulu   local     -       ready"],
            result.Out.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Rack_ls_json_has_the_documented_shape()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var mesh = await MeshCli.CreateAsync(fixture, cancellationToken);
        using var client = fixture.CreateClient(mesh.Variables["WIDEMESH_TOKEN"]!);
        await client.CreateRackAsync(new CreateRackRequest { Name = "alpha" }, cancellationToken);

        var result = await mesh.RunAsync(["rack", "ls", "--json"], TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        var item = Assert.Single(result.Json["items"]!.AsArray())!;
        Assert.Equal("alpha", (string?)item["name"]);
        Assert.StartsWith("rck_", (string?)item["id"], StringComparison.Ordinal);
        Assert.Equal("local", (string?)item["provider"]);
        Assert.Null(item["region"]);
        Assert.True(item.AsObject().ContainsKey("region"));
        Assert.Equal("ready", (string?)item["status"]);
        Assert.Equal(1, (long?)item["version"]);
    }

    [Fact]
    public async Task Rack_ls_explains_how_to_start_meshd_when_nothing_answers()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        mesh.Variables["WIDEMESH_ENDPOINT"] = "http://127.0.0.1:9";

        var result = await mesh.RunProcessAsync(["rack", "ls"], null, TestContext.Current.CancellationToken);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Cannot reach meshd at http://127.0.0.1:9/", result.Error, StringComparison.Ordinal);
        Assert.Contains("Start it with `meshd`", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Rack_ls_json_reports_an_unreachable_server_as_an_error_document()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        mesh.Variables["WIDEMESH_ENDPOINT"] = "http://127.0.0.1:9";

        var result = await mesh.RunAsync(["rack", "ls", "--json"], TestContext.Current.CancellationToken);

        Assert.Equal(3, result.ExitCode);
        var error = result.Json["error"]!;
        Assert.Equal("unreachable", (string?)error["code"]);
        Assert.Equal(3, (int?)error["exitCode"]);
        Assert.Contains("meshd", (string?)error["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rack_ls_with_a_wrong_token_says_to_log_in()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        mesh.Variables["WIDEMESH_TOKEN"] = "wrong-token";

        var result = await mesh.RunAsync(["rack", "ls"], TestContext.Current.CancellationToken);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("mesh login", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-token", result.Error, StringComparison.Ordinal);
    }
}
