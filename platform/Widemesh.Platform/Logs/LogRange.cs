namespace Widemesh.Platform.Logs;

/// <summary>How far back an environment's kept logs reach, and the sequence number of the newest entry (0 when none).</summary>
internal sealed record LogRange(DateTimeOffset? Oldest, long LastSequence, bool Dropped);
