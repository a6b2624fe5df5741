using Widemesh.Testing.Terraform.Conformance;
using Widemesh.Testing.Terraform.Cty;

namespace Widemesh.Provider.Tests.Conformance;

/// <summary>
/// The commands of the Terraform CLI as sequences of walks, each walk a new provider process (protocol doc §4.1):
/// state always passes through its JSON form and UpgradeResourceState, as it does through a state file.
/// </summary>
internal sealed class TerraformWalks(ProviderUnderTest provider)
{
    /// <summary>`terraform plan`: refresh (Upgrade → Read) then Validate → Plan.</summary>
    public async Task<(ResourceState? Refreshed, PlanResult Plan)> PlanAsync(string typeName, ResourceState? state, Func<ConformanceHarness, CtyValue> config, CancellationToken cancellationToken)
    {
        await using var walk = await provider.LaunchConfiguredAsync(cancellationToken);
        var refreshed = state is null ? null : await RefreshAsync(walk, typeName, state, cancellationToken);
        var validation = await walk.ValidateResourceConfigAsync(typeName, config(walk), cancellationToken);
        Assert.DoesNotContain(validation, d => d.Severity == DiagnosticSeverity.Error);
        var plan = await walk.PlanResourceChangeAsync(typeName, refreshed, config(walk), cancellationToken);
        Assert.False(plan.HasErrors, string.Join("; ", plan.Diagnostics));
        string[] prelude = ["GetProviderSchema", "GetResourceIdentitySchemas", "ValidateProviderConfig", "ConfigureProvider"];
        string[] refresh = state is null ? [] : ["UpgradeResourceState", "ReadResource"];
        string[] planning = plan.Action == PlannedAction.Replace
            ? ["ValidateResourceConfig", "PlanResourceChange", "PlanResourceChange"]
            : ["ValidateResourceConfig", "PlanResourceChange"];
        Assert.Equal([.. prelude, .. refresh, .. planning], walk.Calls);
        return (refreshed, plan);
    }

    /// <summary>`terraform apply`: a plan walk, then an apply walk that re-plans, checks and applies.</summary>
    public async Task<(PlanResult Plan, ResourceState? State)> ApplyAsync(string typeName, ResourceState? state, Func<ConformanceHarness, CtyValue> config, CancellationToken cancellationToken)
    {
        var (refreshed, plan) = await PlanAsync(typeName, state, config, cancellationToken);
        if (plan.Action == PlannedAction.NoOp)
        {
            return (plan, refreshed);
        }

        await using var walk = await provider.LaunchConfiguredAsync(cancellationToken);
        var upgraded = refreshed is null ? null : await walk.UpgradeResourceStateAsync(typeName, refreshed, cancellationToken);
        var result = await walk.ApplyAsync(typeName, upgraded, plan, cancellationToken);
        Assert.False(result.HasErrors, string.Join("; ", result.Diagnostics));
        return (plan, result.State);
    }

    /// <summary>`terraform destroy`: refresh, destroy plan, apply with planned null.</summary>
    public async Task DestroyAsync(string typeName, ResourceState state, CancellationToken cancellationToken)
    {
        await using var walk = await provider.LaunchConfiguredAsync(cancellationToken);
        var refreshed = await RefreshAsync(walk, typeName, state, cancellationToken);
        Assert.NotNull(refreshed);
        var result = await walk.DestroyAsync(typeName, refreshed, cancellationToken);
        Assert.False(result.HasErrors, string.Join("; ", result.Diagnostics));
        Assert.Null(result.State);
    }

    /// <summary>`terraform refresh`: Upgrade → Read in a new process; null when the object is gone.</summary>
    public async Task<ResourceState?> RefreshAsync(string typeName, ResourceState state, CancellationToken cancellationToken)
    {
        await using var walk = await provider.LaunchConfiguredAsync(cancellationToken);
        return await RefreshAsync(walk, typeName, state, cancellationToken);
    }

    /// <summary>`terraform import ADDR ID`: Import → Read in a new process.</summary>
    public async Task<ResourceState> ImportAsync(string typeName, string id, CancellationToken cancellationToken)
    {
        await using var walk = await provider.LaunchConfiguredAsync(cancellationToken);
        var (state, diagnostics) = await walk.ImportAsync(typeName, id, cancellationToken);
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return state ?? throw new InvalidOperationException("import returned nothing");
    }

    private static async Task<ResourceState?> RefreshAsync(ConformanceHarness walk, string typeName, ResourceState state, CancellationToken cancellationToken)
    {
        var upgraded = await walk.UpgradeResourceStateAsync(typeName, state, cancellationToken);
        Assert.Equal(state.Value, upgraded.Value);
        return await walk.ReadResourceAsync(typeName, upgraded, cancellationToken);
    }
}
