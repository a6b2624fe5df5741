namespace Widemesh.Platform.Store;

internal sealed record StoredRack(
    string Id,
    string AccountId,
    string Name,
    string Provider,
    string? Region,
    string Status,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? IngressAddress = null,
    string? ManagedBy = null);
