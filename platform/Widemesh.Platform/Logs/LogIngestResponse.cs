namespace Widemesh.Platform.Logs;

/// <summary>The answer to an acknowledged ingest: how many entries were stored (long lines count once per piece) and their sequence numbers.</summary>
internal sealed record LogIngestResponse(int Accepted, long Stored, long FirstSequence, long LastSequence);
