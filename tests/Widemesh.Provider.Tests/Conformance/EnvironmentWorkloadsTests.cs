using System.Text;
using Widemesh.Testing.Terraform.Conformance;
using Widemesh.Testing.Terraform.Cty;

namespace Widemesh.Provider.Tests.Conformance;

/// <summary>
/// widemesh_environment's <c>release</c>, <c>stack</c> and <c>service</c> blocks driven like Terraform core: defaults
/// planned from config, in-place updates, no perpetual diff, rules tied to attribute paths, the v0 state upgrade.
/// </summary>
public sealed class EnvironmentWorkloadsTests(ProviderUnderTest provider) : IClassFixture<ProviderUnderTest>
{
    private const string Type = "widemesh_environment";

    private readonly TerraformWalks _terraform = new(provider);

    [Fact]
    public async Task Stacks_and_services_are_created_changed_in_place_and_never_show_a_perpetual_diff()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = provider.Meshd.CreateClient();

        var (created, state) = await _terraform.ApplyAsync(Type, null, h => Config(h, "workloads", [Stack(h, "web", port: 8080, healthPath: "/health")], [Service(h, "kv", 7000)]), ct);

        Assert.Equal(PlannedAction.Create, created.Action);
        var plannedWeb = created["stack"].Elements[0];
        Assert.Equal(CtyValue.Number(1), plannedWeb.GetAttribute("instances"));
        var plannedCheck = plannedWeb.GetAttribute("health_check").Elements[0];
        Assert.Equal(CtyValue.Number(2), plannedCheck.GetAttribute("interval_seconds"));
        Assert.Equal(CtyValue.Number(60), plannedCheck.GetAttribute("grace_seconds"));
        var remote = await client.GetEnvironmentAsync("workloads", ct);
        Assert.Equal("web", Assert.Single(remote!.Stacks).Name);
        Assert.Equal("/health", remote.Stacks[0].HealthCheck!.Path);
        Assert.Equal(7000, Assert.Single(remote.Services).Port);

        var refreshed = await _terraform.RefreshAsync(Type, state!, ct);
        Assert.Equal(state!.Value, refreshed!.Value);
        var (_, again) = await _terraform.PlanAsync(Type, refreshed, h => Config(h, "workloads", [Stack(h, "web", port: 8080, healthPath: "/health")], [Service(h, "kv", 7000)]), ct);
        Assert.Equal(PlannedAction.NoOp, again.Action);

        var (scaled, scaledState) = await _terraform.ApplyAsync(Type, refreshed, h => Config(h, "workloads", [Stack(h, "web", port: 8080, healthPath: "/health", instances: 2, variables: new() { ["GREETING"] = "hi" })], []), ct);
        Assert.Equal(PlannedAction.Update, scaled.Action);
        Assert.Empty(scaled.RequiresReplace);
        Assert.Equal(state["id"], scaledState!["id"]);
        remote = await client.GetEnvironmentAsync("workloads", ct);
        Assert.Equal(2, remote!.Stacks[0].Instances);
        Assert.Equal("hi", remote.Stacks[0].Environment["GREETING"]);
        Assert.Empty(remote.Services);

        var (unset, unsetState) = await _terraform.ApplyAsync(Type, scaledState, h => Config(h, "workloads", [Stack(h, "web", port: 8080, healthPath: "/health")], []), ct);
        Assert.Equal(PlannedAction.Update, unset.Action);
        Assert.Equal(CtyValue.Number(1), unset["stack"].Elements[0].GetAttribute("instances"));
        var (_, settled) = await _terraform.PlanAsync(Type, unsetState, h => Config(h, "workloads", [Stack(h, "web", port: 8080, healthPath: "/health")], []), ct);
        Assert.Equal(PlannedAction.NoOp, settled.Action);

        var imported = await _terraform.ImportAsync(Type, "workloads", ct);
        Assert.Equal(unsetState!.Value, imported.Value);

        await _terraform.DestroyAsync(Type, unsetState, ct);
        Assert.Null(await client.GetEnvironmentAsync("workloads", ct));
    }

    [Fact]
    public async Task Bad_stacks_and_services_are_refused_at_plan_time_with_the_attribute_path()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var walk = await provider.LaunchConfiguredAsync(ct);
        var config = Config(
            walk,
            "bad-workloads",
            [Stack(walk, "web", publicPort: 8080), Stack(walk, "Api", port: 70000, instances: 21, healthPath: "health")],
            [Service(walk, "web", 7000)],
            release: "latest");

        var diagnostics = await walk.ValidateResourceConfigAsync(Type, config, ct);

        var paths = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.PathText).ToList();
        Assert.Contains("stack[0].public_port", paths);
        Assert.Contains("stack[1].name", paths);
        Assert.Contains("stack[1].port", paths);
        Assert.Contains("stack[1].instances", paths);
        Assert.Contains("stack[1].health_check[0].path", paths);
        Assert.Contains("service[0].name", paths);
        Assert.Contains("release", paths);
    }

    [Fact]
    public async Task A_version_0_state_upgrades_to_empty_blocks()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var walk = await provider.LaunchAsync(ct);
        var json = """{"name":"old","racks":["a"],"primary_rack":"a","hostname":"old.widemesh.internal","id":"env_1","status":"ready"}""";

        var (upgraded, diagnostics) = await walk.UpgradeRawAsync(Type, 0, Encoding.UTF8.GetBytes(json), ct);

        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.True(upgraded.GetAttribute("stack").IsKnown);
        Assert.Empty(upgraded.GetAttribute("stack").Elements);
        Assert.Empty(upgraded.GetAttribute("service").Elements);
        Assert.True(upgraded.GetAttribute("release").IsNull);
    }

    private static CtyValue Config(ConformanceHarness h, string name, CtyValue[] stacks, CtyValue[] services, string? release = null)
    {
        var block = h.Schemas.Resource(Type).Block;
        return CtyValue.Object(block.ImpliedType(), new Dictionary<string, CtyValue>
        {
            ["name"] = CtyValue.String(name),
            ["racks"] = CtyValue.StringList("a"),
            ["release"] = release is null ? CtyValue.Null(CtyType.String) : CtyValue.String(release),
            ["stack"] = CtyValue.List(block.BlockType("stack")!.Block.ImpliedType(), stacks),
            ["service"] = CtyValue.List(block.BlockType("service")!.Block.ImpliedType(), services),
        });
    }

    private static CtyValue Stack(ConformanceHarness h, string name, int? port = null, int? publicPort = null, int? instances = null, string? healthPath = null, Dictionary<string, string>? variables = null)
    {
        var block = h.Schemas.Resource(Type).Block.BlockType("stack")!.Block;
        var check = block.BlockType("health_check")!.Block;
        return CtyValue.Object(block.ImpliedType(), new Dictionary<string, CtyValue>
        {
            ["name"] = CtyValue.String(name),
            ["command"] = CtyValue.String("sleep 300"),
            ["instances"] = Number(instances),
            ["port"] = Number(port),
            ["public_port"] = Number(publicPort),
            ["environment"] = variables is null ? CtyValue.Null(CtyType.Map(CtyType.String)) : CtyValue.Map(CtyType.String, variables.Select(v => KeyValuePair.Create(v.Key, CtyValue.String(v.Value)))),
            ["health_check"] = CtyValue.List(check.ImpliedType(), healthPath is null ? [] : [CtyValue.Object(check.ImpliedType(), new Dictionary<string, CtyValue> { ["path"] = CtyValue.String(healthPath) })]),
        });
    }

    private static CtyValue Service(ConformanceHarness h, string name, int port)
    {
        var block = h.Schemas.Resource(Type).Block.BlockType("service")!.Block;
        return CtyValue.Object(block.ImpliedType(), new Dictionary<string, CtyValue>
        {
            ["name"] = CtyValue.String(name),
            ["command"] = CtyValue.String("sleep 300"),
            ["port"] = CtyValue.Number(port),
        });
    }

    private static CtyValue Number(int? value) => value is { } number ? CtyValue.Number(number) : CtyValue.Null(CtyType.Number);
}
