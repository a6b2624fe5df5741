using Widemesh.Provider.Cty;
using Widemesh.Provider.Schema;
using Widemesh.Provider.Server;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;

namespace Widemesh.Provider.Resources;

/// <summary>
/// A managed resource type. <see cref="ProviderServer"/> decodes and encodes the wire values and
/// enforces the protocol rules common to all resources; implementations hold the domain logic.
/// Problems are added to <c>diagnostics</c>; only programming errors throw.
/// </summary>
internal interface IManagedResource
{
    public string TypeName { get; }

    public ResourceSchema Schema { get; }

    /// <summary>Offline checks of a configuration that may contain unknown values.</summary>
    public void Validate(CtyValue config, ICollection<Tf.Diagnostic> diagnostics);

    /// <summary>Plans a create or update (never a destroy: that is handled by the server).</summary>
    public Task<ResourcePlan> PlanAsync(ResourcePlanRequest request, PlatformConnection platform, ICollection<Tf.Diagnostic> diagnostics, CancellationToken cancellationToken);

    /// <summary>Applies a create (prior null) or update; returns the new state, or null when nothing was created.</summary>
    public Task<CtyValue?> ApplyAsync(CtyValue prior, CtyValue planned, PlatformConnection platform, ICollection<Tf.Diagnostic> diagnostics, CancellationToken cancellationToken);

    public Task DeleteAsync(CtyValue prior, PlatformConnection platform, ICollection<Tf.Diagnostic> diagnostics, CancellationToken cancellationToken);

    /// <summary>Reads the remote object; null when it no longer exists.</summary>
    public Task<CtyValue?> ReadAsync(CtyValue current, PlatformConnection platform, ICollection<Tf.Diagnostic> diagnostics, CancellationToken cancellationToken);

    /// <summary>
    /// Brings a state written with schema <paramref name="version"/> (already read with the current
    /// type: removed attributes dropped, new ones null) up to the current schema.
    /// </summary>
    public CtyValue UpgradeState(long version, CtyValue state);

    /// <summary>Finds the remote object by the import ID (its name); null (with a diagnostic) when there is none.</summary>
    public Task<CtyValue?> ImportAsync(string id, PlatformConnection platform, ICollection<Tf.Diagnostic> diagnostics, CancellationToken cancellationToken);
}
