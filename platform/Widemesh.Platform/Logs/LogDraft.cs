namespace Widemesh.Platform.Logs;

/// <summary>
/// A line on its way into the store, before it gets its sequence number and received time.
/// <see cref="Message"/> is UTF-8 that <see cref="LogText"/> has already escaped and cut to size.
/// </summary>
internal sealed record LogDraft(
    string Rack,
    LogSourceKind Kind,
    string Source,
    string Instance,
    LogStream Stream,
    DateTimeOffset? SourceTime,
    ReadOnlyMemory<byte> Message,
    bool Continuation);
