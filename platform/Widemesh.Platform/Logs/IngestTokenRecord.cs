namespace Widemesh.Platform.Logs;

/// <summary>An ingest token as stored: only the SHA-256 hash of its secret is kept.</summary>
internal sealed record IngestTokenRecord(string Id, string EnvironmentId, string EnvironmentName, string Rack, string Hash, DateTimeOffset CreatedAt);
