namespace Widemesh.Platform.Store;

/// <summary>An uploaded release of an environment; its archive lives in the data directory (see <c>ReleaseStore</c>).</summary>
internal sealed record StoredRelease(string Id, string EnvironmentId, int Number, string Digest, long SizeBytes, DateTimeOffset CreatedAt);
