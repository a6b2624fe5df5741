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
    public async Task Export_keeps_the_workloads_of_an_environment_and_adopts_its_log_drains_so_apply_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var mesh = await MeshCli.CreateAsync(fixture, ct);
        await mesh.CreateRacksAsync(["main"], ct);
        var name = Some.Name();
        using var client = mesh.CreateClient();
        await client.CreateEnvironmentAsync(
            new CreateEnvironmentRequest
            {
                Name = name,
                Racks = ["main"],
                Stacks =
                [
                    new StackSpec
                    {
                        Name = "web",
                        Command = "exec sleep 600",
                        Instances = 0,
                        Port = 8080,
                        Environment = new Dictionary<string, string> { ["GREETING"] = "hi \"there\"" },
                        HealthCheck = new HealthCheckSpec { Path = "/health", GraceSeconds = 30 },
                    },
                ],
                Services = [new ServiceSpec { Name = "cache", Command = "exec sleep 600" }],
            },
            ct);
        var drain = await client.CreateDrainAsync(name, new CreateDrainRequest { Url = "syslog+tcp://127.0.0.1:9" }, ct);
        try
        {
            var export = await mesh.RunExpectingAsync(0, ["export", "--json"], ct);
            var plan = await mesh.RunExpectingAsync(0, ["plan", "--json"], ct);
            await mesh.RunExpectingAsync(0, ["apply"], ct);
            var after = await mesh.RunExpectingAsync(0, ["plan", "--json"], ct);
            var again = await mesh.RunExpectingAsync(0, ["export"], ct);

            var label = $"{name.Replace('-', '_')}_127_0_0_1_9";
            Assert.Equal(["widemesh_rack.main", $"widemesh_environment.{name}", $"widemesh_log_drain.{label}"], export.Json["imports"]!.AsArray().Select(i => (string?)i));
            Assert.Contains($"id = \"{name}/{drain.Id}\"", mesh.ReadWorkspaceFile($"log_drain_{label}.tf"), StringComparison.Ordinal);
            Assert.Equal(3, (int?)plan.Json["changes"]!["import"]);
            Assert.Equal(0, (int?)plan.Json["changes"]!["add"] + (int?)plan.Json["changes"]!["change"] + (int?)plan.Json["changes"]!["destroy"]);
            Assert.Empty(after.Json["resourceChanges"]!.AsArray());
            Assert.Contains("already has every rack, environment and log drain", again.Out, StringComparison.Ordinal);
            var environment = await client.GetEnvironmentAsync(name, ct) ?? throw new InvalidOperationException("the environment is gone");
            Assert.Equal(["web"], environment.Stacks.Select(s => s.Name));
            Assert.Equal(["cache"], environment.Services.Select(s => s.Name));
            Assert.Equal([drain.Id], (await client.ListDrainsAsync(name, ct)).Select(d => d.Id));
        }
        finally
        {
            await client.DeleteEnvironmentAsync(name, null, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Export_of_a_complete_workspace_writes_nothing()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        await mesh.RunExpectingAsync(0, ["rack", "create", "main"], TestContext.Current.CancellationToken);

        var result = await mesh.RunExpectingAsync(0, ["export"], TestContext.Current.CancellationToken);

        Assert.Contains("already has every rack, environment and log drain", result.Out, StringComparison.Ordinal);
    }
}
