using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Microsoft.Win32.SafeHandles;

namespace Widemesh.Platform.Logs;

/// <summary>
/// The reader side. A query walks the segments by sequence number and decodes one frame at a time, so memory
/// stays at one frame whatever the size of the answer. A follower that reaches the committed end waits for the
/// next commit and goes on from the sequence number after the last one it saw: no gap, no duplicate.
/// </summary>
internal sealed partial class LogEnvironmentStore
{
    public async IAsyncEnumerable<LogEntry> ReadAsync(
        LogQuery query, long sinceTicks, long untilTicks, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = new LogEntryFilter(query);
        var names = new LogNameCache();
        var decoded = new List<LogEntry>();
        var nextSequence = query.AfterSequence + 1 ?? 0;
        LogSegment? segment = null;
        SafeFileHandle? handle = null;
        long offset = 0;
        var buffer = new byte[LogRecordCodec.FrameTargetBytes + (2 * LogText.MaxMessageBytes)];
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var changed = Changed;
                if (_deleted)
                {
                    yield break;
                }

                var segments = Segments;
                if (segment is null)
                {
                    segment = Locate(segments, query.AfterSequence is null ? sinceTicks : null, nextSequence, out offset);
                    if (segment is null)
                    {
                        if (!query.Follow)
                        {
                            yield break;
                        }

                        await changed.WaitAsync(cancellationToken);
                        continue;
                    }
                }

                if (handle is null)
                {
                    try
                    {
                        handle = File.OpenHandle(segment.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                    }
                    catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
                    {
                        // Retention removed it before we got there: go on with what is kept.
                        segment = NextAfter(Segments, segment);
                        offset = LogRecordCodec.FileMagic.Length;
                        continue;
                    }
                }

                var next = NextAfter(segments, segment);
                var limit = segment.Length;
                var stop = false;
                while (offset < limit && !stop)
                {
                    var frameLength = ReadFrame(handle, offset, limit, ref buffer);
                    if (frameLength <= 0)
                    {
                        offset = limit;
                        break;
                    }

                    stop = Decode(buffer.AsSpan(LogRecordCodec.FrameHeaderBytes, frameLength - LogRecordCodec.FrameHeaderBytes), filter, names, sinceTicks, untilTicks, ref nextSequence, decoded);
                    offset += frameLength;
                    foreach (var entry in decoded)
                    {
                        yield return entry;
                    }

                    decoded.Clear();
                }

                if (stop)
                {
                    yield break;
                }

                if (next is not null)
                {
                    handle.Dispose();
                    handle = null;
                    segment = next;
                    offset = next.OffsetForSequence(nextSequence);
                    continue;
                }

                if (!query.Follow)
                {
                    yield break;
                }

                await changed.WaitAsync(cancellationToken);
            }
        }
        finally
        {
            handle?.Dispose();
        }
    }

    private static LogSegment? Locate(LogSegment[] segments, long? sinceTicks, long sequence, out long offset)
    {
        offset = LogRecordCodec.FileMagic.Length;
        if (segments.Length == 0)
        {
            return null;
        }

        if (sinceTicks is { } ticks)
        {
            foreach (var candidate in segments)
            {
                if (candidate.HasEntries && candidate.MaxTicks >= ticks)
                {
                    offset = candidate.OffsetForTicks(ticks);
                    return candidate;
                }
            }

            var last = segments[^1];
            offset = last.Index.Length > 0 ? last.Index[^1].Offset : offset;
            return last;
        }

        for (var i = segments.Length - 1; i >= 0; i--)
        {
            if (segments[i].FirstSequence <= sequence || i == 0)
            {
                offset = segments[i].OffsetForSequence(sequence);
                return segments[i];
            }
        }

        return null;
    }

    private static LogSegment? NextAfter(LogSegment[] segments, LogSegment segment)
    {
        foreach (var candidate in segments)
        {
            if (candidate.FirstSequence > segment.FirstSequence)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Reads the frame at <paramref name="offset"/> into <paramref name="buffer"/>; 0 when it is damaged.</summary>
    private static int ReadFrame(SafeFileHandle handle, long offset, long limit, ref byte[] buffer)
    {
        var available = (int)Math.Min(buffer.Length, limit - offset);
        var read = RandomAccess.Read(handle, buffer.AsSpan(0, available), offset);
        if (read < LogRecordCodec.FrameHeaderBytes)
        {
            return 0;
        }

        var needed = LogRecordCodec.FrameHeaderBytes + (long)BinaryPrimitives.ReadUInt32LittleEndian(buffer);
        if (needed > read && needed <= LogRecordCodec.MaxFrameBytes + LogRecordCodec.FrameHeaderBytes && offset + needed <= limit)
        {
            if (needed > buffer.Length)
            {
                Array.Resize(ref buffer, (int)needed);
            }

            read = RandomAccess.Read(handle, buffer.AsSpan(0, (int)needed), offset);
        }

        return LogRecordCodec.TryReadFrame(buffer.AsSpan(0, read), out var frameLength, out _) ? frameLength : 0;
    }

    /// <summary>Decodes the matching entries of one frame; true when an entry past <c>until</c> was reached.</summary>
    private bool Decode(ReadOnlySpan<byte> payload, LogEntryFilter filter, LogNameCache names, long sinceTicks, long untilTicks, ref long nextSequence, List<LogEntry> output)
    {
        var position = 0;
        while (LogRecordCodec.TryReadRecord(payload, ref position, out var record))
        {
            if (record.Sequence < nextSequence)
            {
                continue;
            }

            nextSequence = record.Sequence + 1;
            if (record.Ticks < sinceTicks)
            {
                continue;
            }

            if (record.Ticks > untilTicks)
            {
                return true;
            }

            if (!filter.Matches(record))
            {
                continue;
            }

            var message = System.Text.Encoding.UTF8.GetString(record.Message);
            if (filter.Text is { } text && !message.Contains(text, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            output.Add(new LogEntry(
                record.Sequence,
                new DateTimeOffset(record.Ticks, TimeSpan.Zero),
                record.SourceTicks == 0 ? null : new DateTimeOffset(record.SourceTicks, TimeSpan.Zero),
                Id,
                names.Get(record.Rack),
                record.Kind,
                names.Get(record.Source),
                names.Get(record.Instance),
                record.Stream,
                message,
                record.Continuation));
        }

        return false;
    }
}
