using Widemesh.Provider.Cty;
using Widemesh.Provider.Diagnostics;
using Widemesh.Provider.Schema;
using Widemesh.Provider.Server;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Naming;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;
using static Widemesh.Provider.Resources.Environment.EnvironmentSchema;

namespace Widemesh.Provider.Resources.Environment;

/// <summary>Plan-time checks that ask the platform, so problems show at plan rather than apply.</summary>
internal static class EnvironmentChecks
{
    private const string Summary = "Plan Environment Error";

    /// <summary>The environment name must be free on the whole platform (or already the caller's).</summary>
    public static async Task NameAvailableAsync(CtyValue config, PlatformConnection platform, ICollection<Tf.Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var name = AttributeValues.KnownString(config, Name);
        if (platform.Client is null || name is null || !NameRules.IsValid(name))
        {
            return;
        }

        try
        {
            var availability = await platform.Client.CheckEnvironmentNameAsync(name, cancellationToken);
            if (!availability.Available)
            {
                var owned = await platform.Client.GetEnvironmentAsync(name, cancellationToken);
                var detail = owned is not null
                    ? $"Your account already has an environment named \"{name}\". Import it with `terraform import <address> {name}` (or an import block) instead of creating it."
                    : $"The environment name \"{name}\" is already taken on the platform{(availability.Problem is null ? string.Empty : $" ({availability.Problem})")}. Environment names are unique across all accounts because they become DNS names; choose another name.";
                diagnostics.Add(ProviderDiagnostics.Error(Summary, detail, CtyPath.Attribute(Name)));
            }
        }
        catch (WidemeshException ex)
        {
            diagnostics.Add(ProviderDiagnostics.Platform("Plan Environment", ex));
        }
    }

    /// <summary>Every known rack in the list must be an existing rack of the account.</summary>
    public static async Task RacksExistAsync(CtyValue config, PlatformConnection platform, ICollection<Tf.Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var racks = AttributeValues.KnownStringList(config, Racks);
        if (platform.Client is null || racks is null || racks.Count == 0)
        {
            return;
        }

        try
        {
            var existing = (await platform.Client.ListRacksAsync(cancellationToken)).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < racks.Count; i++)
            {
                if (racks[i] is { } rack && NameRules.IsValid(rack) && !existing.Contains(rack) && !platform.RacksPlannedForCreate.ContainsKey(rack))
                {
                    var known = existing.Count == 0 ? "The account has no racks yet" : $"Its racks are: {string.Join(", ", existing.Order(StringComparer.Ordinal))}";
                    diagnostics.Add(ProviderDiagnostics.Error(
                        Summary,
                        $"racks[{i}] names rack \"{rack}\", which the account does not have. {known}. Create it first (a widemesh_rack resource, referenced as widemesh_rack.<name>.name so Terraform orders the two), or fix the name.",
                        CtyPath.Attribute(Racks).WithIndex(i)));
                }
            }
        }
        catch (WidemeshException ex)
        {
            diagnostics.Add(ProviderDiagnostics.Platform("Plan Environment", ex));
        }
    }
}
