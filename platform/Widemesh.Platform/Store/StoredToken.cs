namespace Widemesh.Platform.Store;

/// <summary>An API token as stored: only the SHA-256 hash of its secret is kept.</summary>
internal sealed record StoredToken(string Id, string AccountId, string AccountName, string Name, long Version, DateTimeOffset CreatedAt);
