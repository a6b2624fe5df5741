namespace Widemesh.Platform.Logs;

/// <summary>
/// Raw output of one source, stored as one batch without a draft per line: the writer cuts it into lines itself
/// (<see cref="LogTextPieces"/>). The store queues a copy, so the caller may reuse its buffer as soon as the append
/// returns, even when it gave up waiting.
/// </summary>
internal sealed record LogOutput(LogSourceRef Source, LogStream Stream, ReadOnlyMemory<byte> Bytes);
