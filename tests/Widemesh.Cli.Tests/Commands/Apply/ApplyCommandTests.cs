using System.Text.Json.Nodes;
using Widemesh.Cli.Tests.Support;

namespace Widemesh.Cli.Tests.Commands.Apply;

public sealed class ApplyCommandTests(MeshdFixture fixture)
{
    [Fact]
    public async Task Apply_makes_the_platform_match_hand_written_hcl()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        var name = Some.Name();
        mesh.WriteWorkspaceFile("main.tf", $$"""
            terraform {
              required_providers {
                widemesh = { source = "widemesh/widemesh" }
              }
            }

            resource "widemesh_rack" "home" {
              name = "home"
            }

            resource "widemesh_environment" "app" {
              name  = "{{name}}"
              racks = ["home"]
            }

            """);

        var result = await mesh.RunExpectingAsync(0, ["apply", "--json"], TestContext.Current.CancellationToken);

        Assert.Equal(2, (int?)result.Json["changes"]!["add"]);
        using var client = mesh.CreateClient();
        Assert.Equal("home", (await client.GetEnvironmentAsync(name, TestContext.Current.CancellationToken))!.PrimaryRack);
    }

    [Fact]
    public async Task Apply_replaces_an_environment_whose_name_changes()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        await mesh.CreateRacksAsync(["main"], TestContext.Current.CancellationToken);
        var (before, after) = (Some.Name(), Some.Name());
        await mesh.RunExpectingAsync(0, ["env", "create", before], TestContext.Current.CancellationToken);
        var file = $"environment_{before}.tf";
        mesh.WriteWorkspaceFile(file, mesh.ReadWorkspaceFile(file).Replace($"name  = \"{before}\"", $"name  = \"{after}\"", StringComparison.Ordinal));

        var result = await mesh.RunExpectingAsync(0, ["apply"], TestContext.Current.CancellationToken);
        var plan = await mesh.RunExpectingAsync(0, ["plan", "--json"], TestContext.Current.CancellationToken);

        Assert.Contains($"-/+ resource \"widemesh_environment\" \"{before}\" {{", result.Out, StringComparison.Ordinal);
        Assert.Contains($"~ name        = \"{before}\" -> \"{after}\" # forces replacement", result.Out, StringComparison.Ordinal);
        Assert.Contains("Apply complete! Resources: 1 added, 0 changed, 1 destroyed.", result.Out, StringComparison.Ordinal);
        Assert.Empty(plan.Json["resourceChanges"]!.AsArray());
        using var client = mesh.CreateClient();
        Assert.Null(await client.GetEnvironmentAsync(before, TestContext.Current.CancellationToken));
        Assert.NotNull(await client.GetEnvironmentAsync(after, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Apply_writes_terraform_state_format_4()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        await mesh.RunExpectingAsync(0, ["rack", "create", "main"], TestContext.Current.CancellationToken);
        var name = Some.Name();
        await mesh.RunExpectingAsync(0, ["env", "create", name], TestContext.Current.CancellationToken);

        var state = JsonNode.Parse(mesh.ReadWorkspaceFile("terraform.tfstate"))!.AsObject();

        Assert.Equal(["version", "terraform_version", "serial", "lineage", "outputs", "resources", "check_results"], state.Select(p => p.Key));
        Assert.Equal(4, (int?)state["version"]);
        Assert.True(Guid.TryParse((string?)state["lineage"], out _));
        Assert.True((long?)state["serial"] >= 2);
        var resources = state["resources"]!.AsArray();
        Assert.Equal(["widemesh_environment", "widemesh_rack"], resources.Select(r => (string?)r!["type"]));
        var environment = resources[0]!.AsObject();
        Assert.Equal(["mode", "type", "name", "provider", "instances"], environment.Select(p => p.Key));
        Assert.Equal("managed", (string?)environment["mode"]);
        Assert.Equal(name, (string?)environment["name"]);
        Assert.Equal("provider[\"registry.terraform.io/widemesh/widemesh\"]", (string?)environment["provider"]);
        var instance = Assert.Single(environment["instances"]!.AsArray())!.AsObject();
        Assert.Equal(1, (int?)instance["schema_version"]);
        Assert.Empty(instance["sensitive_attributes"]!.AsArray());
        Assert.Equal(
            ["dns_records", "hostname", "id", "name", "primary_rack", "racks", "release", "service", "stack", "status"],
            instance["attributes"]!.AsObject().Select(p => p.Key));
        Assert.Equal("main", (string?)instance["attributes"]!["primary_rack"]);
    }

    [Fact]
    public async Task Apply_keeps_the_lineage_and_raises_the_serial()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        await mesh.RunExpectingAsync(0, ["rack", "create", "a"], TestContext.Current.CancellationToken);
        var before = JsonNode.Parse(mesh.ReadWorkspaceFile("terraform.tfstate"))!;

        await mesh.RunExpectingAsync(0, ["rack", "create", "b"], TestContext.Current.CancellationToken);
        await mesh.RunExpectingAsync(0, ["apply"], TestContext.Current.CancellationToken);
        var after = JsonNode.Parse(mesh.ReadWorkspaceFile("terraform.tfstate"))!;

        Assert.Equal((string?)before["lineage"], (string?)after["lineage"]);
        Assert.True((long?)after["serial"] > (long?)before["serial"]);
        Assert.True(File.Exists(Path.Combine(mesh.Workspace, "terraform.tfstate.backup")));
    }

    [Fact]
    public async Task Apply_recreates_a_resource_deleted_outside_the_workspace()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        await mesh.RunExpectingAsync(0, ["rack", "create", "main"], TestContext.Current.CancellationToken);
        using (var client = mesh.CreateClient())
        {
            await client.DeleteRackAsync("main", null, TestContext.Current.CancellationToken);
        }

        var result = await mesh.RunExpectingAsync(0, ["apply", "--json"], TestContext.Current.CancellationToken);

        Assert.Equal("create", (string?)result.Json["resourceChanges"]![0]!["action"]);
    }

    [Fact]
    public async Task Concurrent_runs_on_one_workspace_take_turns_and_keep_the_state_whole()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);
        await mesh.RunExpectingAsync(0, ["rack", "create", "main"], TestContext.Current.CancellationToken);
        var names = Enumerable.Range(0, 4).Select(_ => Some.Name()).ToList();

        var results = await Task.WhenAll(names.Select(name => mesh.RunProcessAsync(["env", "create", name, "--json"], null, TestContext.Current.CancellationToken)));

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.ToString()));
        var state = JsonNode.Parse(mesh.ReadWorkspaceFile("terraform.tfstate"))!;
        var recorded = state["resources"]!.AsArray().Where(r => (string?)r!["type"] == "widemesh_environment").Select(r => (string?)r!["name"]);
        Assert.Equal(names.Order(StringComparer.Ordinal), recorded);
        var plan = await mesh.RunExpectingAsync(0, ["plan", "--json"], TestContext.Current.CancellationToken);
        Assert.Empty(plan.Json["resourceChanges"]!.AsArray());
    }
}
