using System.Collections.Concurrent;
using Widemesh.Sdk.Client;

namespace Widemesh.Provider.Server;

/// <summary>
/// The platform client as configured by ConfigureProvider. <see cref="Client"/> is null when the
/// provider configuration held unknown values (plan then skips checks that need the API).
/// </summary>
internal sealed record PlatformConnection(WidemeshClient? Client, Uri Endpoint)
{
    /// <summary>A connection without a client (not configured yet, or configured with unknown values).</summary>
    public static PlatformConnection CreateUnconfigured() => new(null, WidemeshClientOptions.DefaultEndpoint);

    public bool IsAvailable => Client is not null;

    /// <summary>
    /// Racks this provider instance has planned to create. Terraform plans a rack before the
    /// environments that reference it, so an environment may name a rack that does not exist yet.
    /// </summary>
    public ConcurrentDictionary<string, bool> RacksPlannedForCreate { get; } = new(StringComparer.Ordinal);
}
