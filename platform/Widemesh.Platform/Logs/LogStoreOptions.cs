namespace Widemesh.Platform.Logs;

/// <summary>Limits and layout of the log store. The defaults are the product's promise: 1 hour and 500 MB per environment.</summary>
internal sealed record LogStoreOptions
{
    /// <summary>Segments live in <c>&lt;Directory&gt;/&lt;environment-id&gt;/</c>; meshd passes <c>&lt;data-dir&gt;/logs</c>.</summary>
    public required string Directory { get; init; }

    /// <summary>Entries older than this are dropped (hidden from queries at once, deleted with their segment).</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromHours(1);

    /// <summary>When an environment's segments pass this many bytes, the oldest segments are deleted first.</summary>
    public long MaxBytesPerEnvironment { get; init; } = 500L * 1000 * 1000;

    /// <summary>A segment is closed and a new one started at this size, so the disk holds at most the limit plus one segment.</summary>
    public long SegmentBytes { get; init; } = 8L * 1024 * 1024;

    /// <summary>A segment is also closed once it spans this much time, so old entries leave the disk soon after they expire.</summary>
    public TimeSpan SegmentMaxSpan { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>One time-index point per this many bytes of a segment.</summary>
    public int IndexIntervalBytes { get; init; } = 64 * 1024;

    /// <summary>Batches waiting to be written per environment; a full queue makes writers wait (back-pressure).</summary>
    public int QueueCapacity { get; init; } = 16;

    /// <summary>How long an HTTP ingest waits for room in a full queue before answering 503 with Retry-After.</summary>
    public TimeSpan IngestQueueWait { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Largest accepted HTTP ingest body.</summary>
    public int MaxIngestBodyBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>How long <c>GET …/logs</c> looks back when the caller gives no <c>since</c>.</summary>
    public TimeSpan DefaultSince { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the background service applies the age limit to environments that receive nothing.</summary>
    public TimeSpan RetentionInterval { get; init; } = TimeSpan.FromSeconds(30);

    public LogDurability Durability { get; init; } = LogDurability.Flush;
}
