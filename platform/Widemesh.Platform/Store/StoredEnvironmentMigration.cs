namespace Widemesh.Platform.Store;

/// <summary>An environment's recorded rack migration: the API's JSON document as it was sent, with the store's version.</summary>
internal sealed record StoredEnvironmentMigration(string EnvironmentName, string Json, long Version, DateTimeOffset UpdatedAt);
