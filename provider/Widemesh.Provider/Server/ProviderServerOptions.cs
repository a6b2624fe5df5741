using Microsoft.Extensions.Logging;

namespace Widemesh.Provider.Server;

/// <summary>What the host gives the provider: a logger and where to read environment variables.</summary>
internal sealed record ProviderServerOptions
{
    public ILogger? Logger { get; init; }

    /// <summary>Reads WIDEMESH_ENDPOINT / WIDEMESH_TOKEN; tests replace it.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Timeout of one platform request.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
