using Widemesh.Testing.Terraform.Conformance;

namespace Widemesh.Provider.Tests.Conformance;

/// <summary><c>widemesh_rack.ingress_address</c>: unknown in the create plan, then the address the platform picked, stable across plans.</summary>
public sealed class RackIngressAddressTests(ProviderUnderTest provider) : IClassFixture<ProviderUnderTest>
{
    private const string Type = "widemesh_rack";

    private readonly TerraformWalks _terraform = new(provider);

    [Fact]
    public async Task A_created_rack_exposes_the_ingress_address_the_platform_picked()
    {
        var ct = TestContext.Current.CancellationToken;

        var (plan, state) = await _terraform.ApplyAsync(Type, null, h => ProviderUnderTest.RackConfig(h, "ingress-a"), ct);
        var (_, again) = await _terraform.PlanAsync(Type, state, h => ProviderUnderTest.RackConfig(h, "ingress-a"), ct);

        Assert.Equal(PlannedAction.Create, plan.Action);
        using var client = provider.Meshd.CreateClient();
        var rack = await client.GetRackAsync("ingress-a", ct);
        Assert.StartsWith("127.0.", state!["ingress_address"].StringValue, StringComparison.Ordinal);
        Assert.Equal(rack!.IngressAddress, state["ingress_address"].StringValue);
        Assert.Equal(PlannedAction.NoOp, again.Action);
        await _terraform.DestroyAsync(Type, state, ct);
    }
}
