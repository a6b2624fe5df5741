using Widemesh.Testing.Terraform.Conformance;
using Widemesh.Testing.Terraform.Cty;

namespace Widemesh.Provider.Tests.Conformance;

/// <summary>widemesh_rack driven like Terraform core through the published provider against a real meshd.</summary>
public sealed class RackLifecycleTests(ProviderUnderTest provider) : IClassFixture<ProviderUnderTest>
{
    private const string Type = "widemesh_rack";

    private readonly TerraformWalks _terraform = new(provider);

    [Fact]
    public async Task Create_read_import_and_destroy_a_rack_without_a_diff()
    {
        var ct = TestContext.Current.CancellationToken;

        var (plan, state) = await _terraform.ApplyAsync(Type, null, h => ProviderUnderTest.RackConfig(h, "edge"), ct);
        var (_, again) = await _terraform.PlanAsync(Type, state, h => ProviderUnderTest.RackConfig(h, "edge"), ct);
        var imported = await _terraform.ImportAsync(Type, "edge", ct);

        Assert.Equal(PlannedAction.Create, plan.Action);
        Assert.Equal(CtyValue.String("local"), state!["provider"]);
        Assert.StartsWith("rck_", state["id"].StringValue, StringComparison.Ordinal);
        Assert.Equal(PlannedAction.NoOp, again.Action);
        Assert.Equal(state.Value, imported.Value);
        await _terraform.DestroyAsync(Type, state, ct);
        using var client = provider.Meshd.CreateClient();
        Assert.Null(await client.GetRackAsync("edge", ct));
    }

    [Fact]
    public async Task State_written_by_an_older_schema_version_upgrades_and_reads_back_without_a_diff()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, state) = await _terraform.ApplyAsync(Type, null, h => ProviderUnderTest.RackConfig(h, "legacy"), ct);
        await using var walk = await provider.LaunchConfiguredAsync(ct);
        if (walk.Schemas.Resource(Type).Version == 0)
        {
            return;
        }

        var json = System.Text.Encoding.UTF8.GetBytes($$"""{"id":"{{state!["id"].StringValue}}","name":"legacy","provider":"local","region":null,"status":"ready"}""");

        var (upgraded, diagnostics) = await walk.UpgradeRawAsync(Type, 0, json, ct);
        var read = await walk.ReadResourceAsync(Type, new ResourceState(upgraded, [], walk.Schemas.Resource(Type).Version), ct);
        var plan = await walk.PlanResourceChangeAsync(Type, read, ProviderUnderTest.RackConfig(walk, "legacy"), ct);

        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(state.Value, read!.Value);
        Assert.Equal(PlannedAction.NoOp, plan.Action);
        await _terraform.DestroyAsync(Type, state, ct);
    }
}
