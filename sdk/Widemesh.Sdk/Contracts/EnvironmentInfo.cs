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

    public required long Version { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
