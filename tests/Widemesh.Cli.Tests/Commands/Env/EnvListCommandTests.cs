using System.Text.Json;
using Widemesh.Cli.Tests.Support;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Cli.Tests.Commands.Env;

public sealed class EnvListCommandTests(MeshdFixture fixture)
{
    [Fact]
    public async Task Env_ls_says_how_to_start_when_there_are_none()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);

        var result = await mesh.RunAsync(["env", "ls"], TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("mesh env create", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Env_ls_lists_environments_with_racks_primary_and_hostname()
    {
        var (mesh, names) = await CreateEnvironmentsAsync(2);

        var result = await mesh.RunAsync(["env", "ls"], TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.TrimEnd().Split('\n');
        Assert.Equal("NAME", lines[0].Split(' ')[0]);
        Assert.Contains("HOSTNAME", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.All(names, name => Assert.Contains(lines, line => line.StartsWith(name + " ", StringComparison.Ordinal) && line.Contains("rack-a,rack-b", StringComparison.Ordinal)));
        Assert.DoesNotContain('\u001b', result.Out);
    }

    [Fact]
    public async Task Env_ls_json_has_the_documented_shape()
    {
        var (mesh, names) = await CreateEnvironmentsAsync(1);

        var result = await mesh.RunProcessAsync(["env", "ls", "--json"], null, TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        var item = Assert.Single(result.Json["items"]!.AsArray())!;
        Assert.Equal(names[0], (string?)item["name"]);
        Assert.StartsWith("env_", (string?)item["id"], StringComparison.Ordinal);
        Assert.Equal(["rack-a", "rack-b"], item["racks"]!.AsArray().Select(r => (string?)r));
        Assert.Equal("rack-b", (string?)item["primaryRack"]);
        Assert.Equal($"{names[0]}.widemesh.internal", (string?)item["hostname"]);
        Assert.Equal("ready", (string?)item["status"]);
        Assert.True(item.AsObject().ContainsKey("managedBy"));
        Assert.Equal(JsonValueKind.Number, item["version"]!.GetValueKind());
    }

    private async Task<(MeshCli Mesh, List<string> Names)> CreateEnvironmentsAsync(int count)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var mesh = await MeshCli.CreateAsync(fixture, cancellationToken);
        using var client = fixture.CreateClient(mesh.Variables["WIDEMESH_TOKEN"]!);
        await client.CreateRackAsync(new CreateRackRequest { Name = "rack-a" }, cancellationToken);
        await client.CreateRackAsync(new CreateRackRequest { Name = "rack-b" }, cancellationToken);
        var names = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var name = Some.Name();
            await client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name, Racks = ["rack-a", "rack-b"] }, cancellationToken);
            names.Add(name);
        }

        return (mesh, names);
    }
}
