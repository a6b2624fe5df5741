namespace Widemesh.Platform.Store;

internal sealed record StoredAccount(string Id, string Name, bool Admin, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
