using Widemesh.Provider.Cty;
using Widemesh.Provider.Diagnostics;
using Widemesh.Provider.Schema;
using Widemesh.Provider.Server;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;
using static Widemesh.Provider.Resources.Rack.RackSchema;

namespace Widemesh.Provider.Resources.Rack;

/// <summary>
/// <c>widemesh_rack</c>. The platform cannot change a rack in place, so every argument forces a
/// replacement. Import ID: the rack name.
/// </summary>
internal sealed class RackResource : IManagedResource
{
    public string TypeName => "widemesh_rack";

    public ResourceSchema Schema => RackSchema.Resource;

    public void Validate(CtyValue config, ICollection<Tf.Diagnostic> diagnostics) =>
        RackRules.Validate("Invalid Rack Configuration", config, diagnostics);

    public async Task<ResourcePlan> PlanAsync(
        ResourcePlanRequest request, PlatformConnection platform, ICollection<Tf.Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        RackRules.Validate("Plan Rack Error", request.Config, diagnostics);
        var effective = RackRules.EffectiveProvider(request.Config);
        var planned = request.Proposed;
        foreach (var attribute in new[] { ProviderName, RackProvider })
        {
            if (AttributeValues.IsNull(request.Config, attribute))
            {
                planned = planned.With(attribute, effective);
            }
        }

        if (request.IsCreate)
        {
            await CheckNameFreeAsync(request.Config, platform, diagnostics, cancellationToken);
            RememberPlannedCreate(request.Config, platform);
            return new ResourcePlan(
                planned.With(Id, CtyValue.Unknown(CtyType.String)).With(Status, CtyValue.Unknown(CtyType.String)).With(IngressAddress, CtyValue.Unknown(CtyType.String)),
                []);
        }

        if (planned.ValueEquals(request.Prior))
        {
            return new ResourcePlan(request.Prior, []);
        }

        var replace = new[] { Name, ProviderName, RackProvider, Region }
            .Where(a => !planned[a].ValueEquals(request.Prior[a]))
            .Select(CtyPath.Attribute)
            .ToList();
        planned = planned.With(Id, CtyValue.Unknown(CtyType.String)).With(Status, CtyValue.Unknown(CtyType.String)).With(IngressAddress, CtyValue.Unknown(CtyType.String));
        RememberPlannedCreate(request.Config, platform);
        return new ResourcePlan(planned, replace);
    }

    public async Task<CtyValue?> ApplyAsync(
        CtyValue prior, CtyValue planned, PlatformConnection platform, ICollection<Tf.Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var client = platform.Client!;
        if (!prior.IsNull)
        {
            return await ReadAsync(prior, platform, diagnostics, cancellationToken) ?? prior;
        }

        var request = new CreateRackRequest
        {
            Name = planned[Name].AsString(),
            Provider = RackRules.EffectiveProvider(planned).AsString(),
            Region = AttributeValues.KnownString(planned, Region),
        };
        try
        {
            var rack = await client.CreateRackAsync(request, cancellationToken);
            return planned.With(Id, CtyValue.String(rack.Id)).With(Status, CtyValue.String(rack.Status)).With(IngressAddress, CtyValue.StringOrNull(rack.IngressAddress));
        }
        catch (WidemeshException ex)
        {
            diagnostics.Add(ProviderDiagnostics.Platform("Create Rack", ex, CtyPath.Attribute));
            return null;
        }
    }

    public async Task DeleteAsync(CtyValue prior, PlatformConnection platform, ICollection<Tf.Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        try
        {
            await platform.Client!.DeleteRackAsync(prior[Name].AsString(), null, cancellationToken);
        }
        catch (WidemeshNotFoundException)
        {
            // Already gone: deleting is done.
        }
        catch (WidemeshException ex)
        {
            diagnostics.Add(ProviderDiagnostics.Platform("Delete Rack", ex));
        }
    }

    public async Task<CtyValue?> ReadAsync(CtyValue current, PlatformConnection platform, ICollection<Tf.Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        try
        {
            var rack = await platform.Client!.GetRackAsync(current[Name].AsString(), cancellationToken);
            return rack is null ? null : ToState(rack);
        }
        catch (WidemeshException ex)
        {
            diagnostics.Add(ProviderDiagnostics.Platform("Read Rack", ex));
            return current;
        }
    }

    public async Task<CtyValue?> ImportAsync(string id, PlatformConnection platform, ICollection<Tf.Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var problem = Sdk.Naming.NameRules.Validate(id, "import ID");
        if (problem is not null)
        {
            diagnostics.Add(ProviderDiagnostics.Error("Import Rack Error", $"{problem} The import ID of widemesh_rack is the rack name."));
            return null;
        }

        try
        {
            var rack = await platform.Client!.GetRackAsync(id, cancellationToken);
            if (rack is null)
            {
                diagnostics.Add(ProviderDiagnostics.Error(
                    "Import Rack Error",
                    $"The account has no rack named \"{id}\". Check the name with `mesh rack ls` (or the widemesh_racks data source); the import ID is the rack name."));
                return null;
            }

            return ToState(rack);
        }
        catch (WidemeshException ex)
        {
            diagnostics.Add(ProviderDiagnostics.Platform("Import Rack", ex));
            return null;
        }
    }

    /// <summary>
    /// Version 0 had no <c>rack_provider</c>: copy it from <c>provider</c> so the next plan is not a replacement.
    /// Version 1 had no <c>ingress_address</c>: it stays null until the next refresh reads it.
    /// </summary>
    public CtyValue UpgradeState(long version, CtyValue state) =>
        version < 1 && state.IsKnown && state[RackProvider].IsNull ? state.With(RackProvider, state[ProviderName]) : state;

    public static CtyValue ToState(Sdk.Contracts.Rack rack) => CtyValue.Object(RackSchema.Resource.ImpliedType,
    [
        KeyValuePair.Create(Name, CtyValue.String(rack.Name)),
        KeyValuePair.Create(ProviderName, CtyValue.String(rack.Provider)),
        KeyValuePair.Create(RackProvider, CtyValue.String(rack.Provider)),
        KeyValuePair.Create(Region, CtyValue.StringOrNull(string.IsNullOrEmpty(rack.Region) ? null : rack.Region)),
        KeyValuePair.Create(Id, CtyValue.String(rack.Id)),
        KeyValuePair.Create(Status, CtyValue.String(rack.Status)),
        KeyValuePair.Create(IngressAddress, CtyValue.StringOrNull(rack.IngressAddress)),
    ]);

    private static void RememberPlannedCreate(CtyValue config, PlatformConnection platform)
    {
        if (AttributeValues.KnownString(config, Name) is { } name)
        {
            platform.RacksPlannedForCreate[name] = true;
        }
    }

    private static async Task CheckNameFreeAsync(CtyValue config, PlatformConnection platform, ICollection<Tf.Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var name = AttributeValues.KnownString(config, Name);
        if (platform.Client is null || name is null || !Sdk.Naming.NameRules.IsValid(name))
        {
            return;
        }

        try
        {
            if (await platform.Client.GetRackAsync(name, cancellationToken) is not null)
            {
                diagnostics.Add(ProviderDiagnostics.Error(
                    "Plan Rack Error",
                    $"The account already has a rack named \"{name}\". Import it with `terraform import <address> {name}` (or an import block), or choose another name.",
                    CtyPath.Attribute(Name)));
            }
        }
        catch (WidemeshException ex)
        {
            diagnostics.Add(ProviderDiagnostics.Platform("Plan Rack", ex));
        }
    }
}
