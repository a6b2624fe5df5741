namespace Widemesh.Sdk.Contracts;

/// <summary>An environment: named so to stay clear of <see cref="System.Environment"/>.</summary>
public sealed record EnvironmentInfo
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>Ordered racks; the last one is the primary, where DNS points.</summary>
    public required IReadOnlyList<string> Racks { get; init; }

    public required string PrimaryRack { get; init; }

    public required string Hostname { get; init; }

    public required string Status { get; init; }

    public string? ManagedBy { get; init; }

    /// <summary>The environment's application components; empty when none.</summary>
    public IReadOnlyList<StackSpec> Stacks { get; init; } = [];

    /// <summary>The environment's backing services; empty when none.</summary>
    public IReadOnlyList<ServiceSpec> Services { get; init; } = [];

    /// <summary>The release (<c>rel_…</c>) whose directory the instances run in; null for none.</summary>
    public string? Release { get; init; }

    public required long Version { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
