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
    DateTimeOffset UpdatedAt);
