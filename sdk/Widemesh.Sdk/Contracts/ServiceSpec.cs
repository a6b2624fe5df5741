namespace Widemesh.Sdk.Contracts;

/// <summary>A backing process of an environment (a database, a cache): one instance, reachable only inside the environment.</summary>
public sealed record ServiceSpec
{
    public required string Name { get; init; }

    public required string Command { get; init; }

    public int? Port { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
