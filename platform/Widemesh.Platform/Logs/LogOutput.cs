namespace Widemesh.Platform.Logs;

/// <summary>
/// Raw output of one source, stored as one batch without a draft per line: cut into stored messages
/// (<see cref="LogTextPieces"/>) on the caller's thread, into a pooled copy the writer frames and writes, so the caller
/// may reuse its buffer as soon as the append returns, even when it gave up waiting.
/// </summary>
internal sealed record LogOutput(LogSourceRef Source, LogStream Stream, ReadOnlyMemory<byte> Bytes);
