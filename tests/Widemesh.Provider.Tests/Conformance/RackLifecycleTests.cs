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
}
