using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Store;

/// <summary>An environment as stored; <see cref="Racks"/> keeps the order, the last is the primary.</summary>
internal sealed record StoredEnvironment(
    string Id,
    string AccountId,
    string Name,
    IReadOnlyList<string> Racks,
    string? ManagedBy,
    string Status,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The application components, in the order given.</summary>
    public IReadOnlyList<StackSpec> Stacks { get; init; } = [];

    /// <summary>The backing services, in the order given.</summary>
    public IReadOnlyList<ServiceSpec> Services { get; init; } = [];

    /// <summary>The release (<c>rel_…</c>) the instances run, or null.</summary>
    public string? Release { get; init; }
}
