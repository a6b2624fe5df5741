using Widemesh.Provider.Cty;
using Widemesh.Provider.Diagnostics;
using Widemesh.Provider.Schema;
using Widemesh.Provider.Server;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;
using Widemesh.Sdk.Naming;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;
using static Widemesh.Provider.Resources.LogDrain.LogDrainSchema;

namespace Widemesh.Provider.Resources.LogDrain;

/// <summary>
/// <c>widemesh_log_drain</c>. The platform cannot change a drain, so both arguments force a replacement.
/// Import ID: <c>ENVIRONMENT/ID</c> (such as <c>shop/drn_…</c>), or the bare drain ID, which is looked up in every
/// environment of the account.
/// </summary>
internal sealed class LogDrainResource : IManagedResource
{
    private const string ImportHelp = "The import ID of widemesh_log_drain is ENVIRONMENT/ID (such as shop/drn_0123abcd), or the drain ID alone; list drains with `mesh logs drain ls --env ENVIRONMENT`.";

    public string TypeName => "widemesh_log_drain";

    public ResourceSchema Schema => LogDrainSchema.Resource;

    public void Validate(CtyValue config, ICollection<Tf.Diagnostic> diagnostics) =>
        LogDrainRules.Validate("Invalid Log Drain Configuration", config, diagnostics);

    public Task<ResourcePlan> PlanAsync(
        ResourcePlanRequest request, PlatformConnection platform, ICollection<Tf.Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        LogDrainRules.Validate("Plan Log Drain Error", request.Config, diagnostics);
        var unknownId = CtyValue.Unknown(CtyType.String);
        if (request.IsCreate)
        {
            return Task.FromResult(new ResourcePlan(request.Proposed.With(Id, unknownId), []));
        }

        if (request.Proposed.ValueEquals(request.Prior))
        {
            return Task.FromResult(new ResourcePlan(request.Prior, []));
        }

        var replace = new[] { EnvironmentName, Url }
            .Where(a => !request.Proposed[a].ValueEquals(request.Prior[a]))
            .Select(CtyPath.Attribute)
            .ToList();
        return Task.FromResult(new ResourcePlan(request.Proposed.With(Id, unknownId), replace));
    }

    public async Task<CtyValue?> ApplyAsync(
        CtyValue prior, CtyValue planned, PlatformConnection platform, ICollection<Tf.Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        if (!prior.IsNull)
        {
            return await ReadAsync(prior, platform, diagnostics, cancellationToken) ?? prior;
        }

        var environment = planned[EnvironmentName].AsString();
        try
        {
            var drain = await platform.Client!.CreateDrainAsync(environment, new CreateDrainRequest { Url = planned[Url].AsString() }, cancellationToken);
            return planned.With(Id, CtyValue.String(drain.Id));
        }
        catch (WidemeshNotFoundException)
        {
            diagnostics.Add(ProviderDiagnostics.Error(
                "Create Log Drain Error",
                $"The account has no environment named \"{environment}\". Create it first (a widemesh_environment resource, referenced as widemesh_environment.<name>.name so Terraform orders the two), or fix the name.",
                CtyPath.Attribute(EnvironmentName)));
            return null;
        }
        catch (WidemeshException ex)
        {
            diagnostics.Add(ProviderDiagnostics.Platform("Create Log Drain", ex, field => field == Url ? CtyPath.Attribute(Url) : null));
            return null;
        }
    }

    public async Task DeleteAsync(CtyValue prior, PlatformConnection platform, ICollection<Tf.Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        try
        {
            await platform.Client!.DeleteDrainAsync(prior[EnvironmentName].AsString(), prior[Id].AsString(), cancellationToken);
        }
        catch (WidemeshNotFoundException)
        {
            // The drain, or its whole environment, is already gone: deleting is done.
        }
        catch (WidemeshException ex)
        {
            diagnostics.Add(ProviderDiagnostics.Platform("Delete Log Drain", ex));
        }
    }

    public async Task<CtyValue?> ReadAsync(CtyValue current, PlatformConnection platform, ICollection<Tf.Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        try
        {
            var drain = await FindAsync(platform.Client!, current[EnvironmentName].AsString(), current[Id].AsString(), cancellationToken);
            return drain is null ? null : ToState(drain, AttributeValues.KnownString(current, Url));
        }
        catch (WidemeshException ex)
        {
            diagnostics.Add(ProviderDiagnostics.Platform("Read Log Drain", ex));
            return current;
        }
    }

    public async Task<CtyValue?> ImportAsync(string id, PlatformConnection platform, ICollection<Tf.Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var slash = id.IndexOf('/', StringComparison.Ordinal);
        var (environment, drainId) = slash < 0 ? (null, id) : (id[..slash], id[(slash + 1)..]);
        if (environment is not null && NameRules.Validate(environment, "the environment in the import ID") is { } problem)
        {
            diagnostics.Add(ProviderDiagnostics.Error("Import Log Drain Error", $"{problem} {ImportHelp}"));
            return null;
        }

        if (!drainId.StartsWith("drn_", StringComparison.Ordinal))
        {
            diagnostics.Add(ProviderDiagnostics.Error("Import Log Drain Error", $"\"{drainId}\" is not a drain ID (drain IDs start with drn_). {ImportHelp}"));
            return null;
        }

        try
        {
            var client = platform.Client!;
            var environments = environment is not null ? [environment] : (await client.ListEnvironmentsAsync(cancellationToken)).Select(e => e.Name).ToList();
            foreach (var name in environments)
            {
                if (await FindAsync(client, name, drainId, cancellationToken) is { } drain)
                {
                    return ToState(drain, null);
                }
            }

            var where = environment is null ? "in any environment of the account" : $"in environment \"{environment}\" (or the account has no such environment)";
            diagnostics.Add(ProviderDiagnostics.Error("Import Log Drain Error", $"There is no drain \"{drainId}\" {where}. {ImportHelp}"));
            return null;
        }
        catch (WidemeshException ex)
        {
            diagnostics.Add(ProviderDiagnostics.Platform("Import Log Drain", ex));
            return null;
        }
    }

    public CtyValue UpgradeState(long version, CtyValue state) => state;

    /// <summary>The drain as state; <paramref name="currentUrl"/> keeps the configuration's spelling of the same URL.</summary>
    public static CtyValue ToState(Drain drain, string? currentUrl) => CtyValue.Object(LogDrainSchema.Resource.ImpliedType,
    [
        KeyValuePair.Create(EnvironmentName, CtyValue.String(drain.Environment)),
        KeyValuePair.Create(Url, CtyValue.String(LogDrainRules.StateUrl(currentUrl, drain.Url))),
        KeyValuePair.Create(Id, CtyValue.String(drain.Id)),
    ]);

    /// <summary>The drain, or null when it or its environment is gone.</summary>
    private static async Task<Drain?> FindAsync(WidemeshClient client, string environment, string id, CancellationToken cancellationToken)
    {
        try
        {
            var drains = await client.ListDrainsAsync(environment, cancellationToken);
            return drains.FirstOrDefault(d => d.Id == id);
        }
        catch (WidemeshNotFoundException)
        {
            return null;
        }
    }
}
