namespace Widemesh.Platform.Logs;

/// <summary>The start of a frame in a segment file: its offset, first sequence number and received time (UTC ticks).</summary>
internal readonly record struct LogIndexPoint(long Offset, long Sequence, long Ticks);
