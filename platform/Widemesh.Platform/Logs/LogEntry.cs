namespace Widemesh.Platform.Logs;

/// <summary>
/// One stored log line of an environment. <see cref="Sequence"/> increases by one per entry within the
/// environment and is the cursor a reader resumes from; <see cref="ReceivedAt"/> never goes backwards.
/// <see cref="Continuation"/> is true when the entry carries the next piece of a line that was longer than
/// <see cref="LogText.MaxMessageBytes"/>.
/// </summary>
internal sealed record LogEntry(
    long Sequence,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? SourceTime,
    string EnvironmentId,
    string Rack,
    LogSourceKind Kind,
    string Source,
    string Instance,
    LogStream Stream,
    string Message,
    bool Continuation);
