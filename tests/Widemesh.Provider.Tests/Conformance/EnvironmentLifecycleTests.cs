using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Terraform.Conformance;
using Widemesh.Testing.Terraform.Cty;

namespace Widemesh.Provider.Tests.Conformance;

/// <summary>widemesh_environment driven like Terraform core through the published provider against a real meshd.</summary>
public sealed class EnvironmentLifecycleTests(ProviderUnderTest provider) : IClassFixture<ProviderUnderTest>
{
    private const string Type = "widemesh_environment";

    private readonly TerraformWalks _terraform = new(provider);

    [Fact]
    public async Task Lifecycle_from_create_to_destroy_obeys_every_terraform_rule()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = provider.Meshd.CreateClient();

        // plan + apply a create
        var (created, state) = await _terraform.ApplyAsync(Type, null, h => ProviderUnderTest.EnvironmentConfig(h, "shop", "a", "b"), ct);
        Assert.Equal(PlannedAction.Create, created.Action);
        Assert.Equal(CtyValue.String("b"), created["primary_rack"]);
        Assert.True(created["id"].IsUnknown);
        Assert.NotNull(state);
        Assert.StartsWith("env_", state["id"].StringValue, StringComparison.Ordinal);
        Assert.Equal(CtyValue.StringList("a", "b"), state["racks"]);
        Assert.Equal(CtyValue.String("b"), state["primary_rack"]);
        Assert.Equal(CtyValue.String("shop.widemesh.internal"), state["hostname"]);
        var remote = await client.GetEnvironmentAsync("shop", ct);
        Assert.Equal(["a", "b"], remote!.Racks);

        // read, then plan again: nothing to do
        var refreshed = await _terraform.RefreshAsync(Type, state, ct);
        Assert.Equal(state.Value, refreshed!.Value);
        var (_, again) = await _terraform.PlanAsync(Type, refreshed, h => ProviderUnderTest.EnvironmentConfig(h, "shop", "a", "b"), ct);
        Assert.Equal(PlannedAction.NoOp, again.Action);

        // reorder racks: in place, primary follows the last rack
        var (reorder, reordered) = await _terraform.ApplyAsync(Type, refreshed, h => ProviderUnderTest.EnvironmentConfig(h, "shop", "b", "a"), ct);
        Assert.Equal(PlannedAction.Update, reorder.Action);
        Assert.Empty(reorder.RequiresReplace);
        Assert.Equal(CtyValue.String("a"), reorder["primary_rack"]);
        Assert.Equal(state["id"], reordered!["id"]);
        Assert.Equal(["b", "a"], (await client.GetEnvironmentAsync("shop", ct))!.Racks);

        // change membership: still in place
        var (membership, moved) = await _terraform.ApplyAsync(Type, reordered, h => ProviderUnderTest.EnvironmentConfig(h, "shop", "c"), ct);
        Assert.Equal(PlannedAction.Update, membership.Action);
        Assert.Empty(membership.RequiresReplace);
        Assert.Equal(CtyValue.StringList("c"), moved!["racks"]);
        Assert.Equal(state["id"], moved["id"]);

        // import into empty state equals the managed state, and the next plan is empty
        var imported = await _terraform.ImportAsync(Type, "shop", ct);
        Assert.Equal(moved.Value, imported.Value);
        var (_, afterImport) = await _terraform.PlanAsync(Type, imported, h => ProviderUnderTest.EnvironmentConfig(h, "shop", "c"), ct);
        Assert.Equal(PlannedAction.NoOp, afterImport.Action);

        // deleted outside Terraform: reads as gone, next plan creates it
        await client.DeleteEnvironmentAsync("shop", null, ct);
        Assert.Null(await _terraform.RefreshAsync(Type, moved, ct));
        var (gone, recreate) = await _terraform.PlanAsync(Type, moved, h => ProviderUnderTest.EnvironmentConfig(h, "shop", "c"), ct);
        Assert.Null(gone);
        Assert.Equal(PlannedAction.Create, recreate.Action);

        // destroy
        var (_, again2) = await _terraform.ApplyAsync(Type, null, h => ProviderUnderTest.EnvironmentConfig(h, "shop", "c"), ct);
        await _terraform.DestroyAsync(Type, again2!, ct);
        Assert.Null(await client.GetEnvironmentAsync("shop", ct));
    }

    [Fact]
    public async Task Renaming_an_environment_is_a_replace_whose_second_plan_starts_from_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, state) = await _terraform.ApplyAsync(Type, null, h => ProviderUnderTest.EnvironmentConfig(h, "old-name", "a"), ct);

        var (plan, renamed) = await _terraform.ApplyAsync(Type, state, h => ProviderUnderTest.EnvironmentConfig(h, "new-name", "a"), ct);

        Assert.Equal(PlannedAction.Replace, plan.Action);
        Assert.Contains(plan.RequiresReplace, p => AttributePaths.Format(p) == "name");
        Assert.NotNull(plan.Replacement);
        Assert.Equal(CtyValue.String("new-name"), renamed!["name"]);
        using var client = provider.Meshd.CreateClient();
        Assert.Null(await client.GetEnvironmentAsync("old-name", ct));
        await _terraform.DestroyAsync(Type, renamed, ct);
    }

    [Fact]
    public async Task Racks_unknown_at_plan_time_leave_primary_rack_unknown_and_the_config_untouched()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var walk = await provider.LaunchConfiguredAsync(ct);
        var config = ProviderUnderTest.EnvironmentConfig(walk, "later", "a").WithAttribute("racks", CtyValue.Unknown(CtyType.List(CtyType.String)));

        var validation = await walk.ValidateResourceConfigAsync(Type, config, ct);
        var plan = await walk.PlanResourceChangeAsync(Type, null, config, ct);

        Assert.DoesNotContain(validation, d => d.Severity == DiagnosticSeverity.Error);
        Assert.False(plan.HasErrors, string.Join("; ", plan.Diagnostics));
        Assert.True(plan["racks"].IsUnknown);
        Assert.True(plan["primary_rack"].IsUnknown);
    }

    [Fact]
    public async Task Data_sources_read_what_the_resource_created()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, state) = await _terraform.ApplyAsync(Type, null, h => ProviderUnderTest.EnvironmentConfig(h, "readme", "a", "c"), ct);
        await using var walk = await provider.LaunchConfiguredAsync(ct);
        var single = walk.Schemas.DataSource("widemesh_environment").Block.ImpliedType();
        var config = CtyValue.Object(single, new Dictionary<string, CtyValue> { ["name"] = CtyValue.String("readme") });

        var (environment, diagnostics) = await walk.ReadDataSourceAsync("widemesh_environment", config, ct);
        var (list, listDiagnostics) = await walk.ReadDataSourceAsync("widemesh_environments", CtyValue.Object(walk.Schemas.DataSource("widemesh_environments").Block.ImpliedType(), []), ct);
        var (rack, rackDiagnostics) = await walk.ReadDataSourceAsync("widemesh_rack", CtyValue.Object(walk.Schemas.DataSource("widemesh_rack").Block.ImpliedType(), new Dictionary<string, CtyValue> { ["name"] = CtyValue.String("a") }), ct);
        var (racks, racksDiagnostics) = await walk.ReadDataSourceAsync("widemesh_racks", CtyValue.Object(walk.Schemas.DataSource("widemesh_racks").Block.ImpliedType(), []), ct);

        Assert.DoesNotContain(diagnostics.Concat(listDiagnostics).Concat(rackDiagnostics).Concat(racksDiagnostics), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(state!["racks"], environment.GetAttribute("racks"));
        Assert.Equal(state["id"], environment.GetAttribute("id"));
        Assert.Equal(CtyValue.String("a"), rack.GetAttribute("name"));
        Assert.Contains("readme", list.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"c\"", racks.ToString(), StringComparison.Ordinal);
        await _terraform.DestroyAsync(Type, state, ct);
    }
}
