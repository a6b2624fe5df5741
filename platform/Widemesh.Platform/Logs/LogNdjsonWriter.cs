using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace Widemesh.Platform.Logs;

/// <summary>
/// Streams a query as NDJSON straight from the stored UTF-8 bytes, one frame at a time, sent in writes of 128 KiB and
/// whenever it has to wait for new entries. Each line has the shape the ingest API accepts, plus <c>seq</c> (the
/// cursor), <c>time</c> (received) and <c>continuation</c>:
/// <c>{"seq":42,"time":"…Z","sourceTime":"…Z","rack":"r1","stack":"web","instance":"web-1","stream":"stdout","message":"…"}</c>.
/// A follow that has nothing to send for <see cref="LogQuery.Heartbeat"/> writes <c>{"heartbeat":"2026-11-25T12:00:00.000Z"}</c>.
/// </summary>
internal static class LogNdjsonWriter
{
    private const int FlushBytes = 128 * 1024;

    public static async Task WriteAsync(
        LogEnvironmentStore environment, LogQuery query, long sinceTicks, long untilTicks, PipeWriter pipe, TimeProvider time, CancellationToken cancellationToken)
    {
        var filter = new LogEntryFilter(query);
        using var cursor = new LogReadCursor(environment, query.AfterSequence is null ? sinceTicks : null, query.AfterSequence + 1 ?? 0);
        var heartbeat = query.Follow ? query.Heartbeat : null;
        var lastSent = time.GetTimestamp();
        var parts = new LogLineText();

        // Lines are gathered here and handed to the response in large writes: Kestrel's response writer takes a lock
        // on every GetSpan and Advance, which cost ~6% of a full read when done per line.
        var lines = new ArrayBufferWriter<byte>(FlushBytes + (64 * 1024));
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var step = cursor.Next(out var changed);
            if (step == LogReadStep.Deleted)
            {
                break;
            }

            if (step == LogReadStep.End)
            {
                if (lines.WrittenCount > 0)
                {
                    lastSent = time.GetTimestamp();
                }

                await SendAsync(lines, pipe, cancellationToken);
                if (!query.Follow)
                {
                    break;
                }

                if (heartbeat is not { } interval)
                {
                    await changed.WaitAsync(cancellationToken);
                    continue;
                }

                // Heartbeats are timed from the last bytes sent, so entries that the filters hide do not postpone them.
                var left = interval - time.GetElapsedTime(lastSent);
                try
                {
                    await changed.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, time, cancellationToken);
                }
                catch (TimeoutException)
                {
                    WriteHeartbeat(lines, time.GetUtcNow());
                    lastSent = time.GetTimestamp();
                }

                continue;
            }

            var stop = WriteFrame(cursor, filter, sinceTicks, untilTicks, lines, parts);
            if (stop)
            {
                break;
            }

            if (lines.WrittenCount >= FlushBytes)
            {
                lastSent = time.GetTimestamp();
                await SendAsync(lines, pipe, cancellationToken);
            }
            else if (heartbeat is { } beat && time.GetElapsedTime(lastSent) >= beat)
            {
                // A long scan that matches little: show the client the connection is alive.
                WriteHeartbeat(lines, time.GetUtcNow());
                lastSent = time.GetTimestamp();
                await SendAsync(lines, pipe, cancellationToken);
            }
        }

        await SendAsync(lines, pipe, cancellationToken);
    }

    /// <summary>Hands the gathered lines to the response in one write and flushes it.</summary>
    private static ValueTask<FlushResult> SendAsync(ArrayBufferWriter<byte> lines, PipeWriter pipe, CancellationToken cancellationToken)
    {
        if (lines.WrittenCount > 0)
        {
            pipe.Write(lines.WrittenSpan);
            lines.ResetWrittenCount();
        }

        return pipe.FlushAsync(cancellationToken);
    }

    private static void WriteHeartbeat(IBufferWriter<byte> output, DateTimeOffset now)
    {
        var line = $"{{\"heartbeat\":\"{now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture)}\"}}\n";
        var span = output.GetSpan(64);
        var written = Encoding.ASCII.GetBytes(line, span);
        output.Advance(written);
    }

    /// <summary>Writes the matching entries of the cursor's frame; true when an entry past <c>until</c> was reached.</summary>
    private static bool WriteFrame(LogReadCursor cursor, LogEntryFilter filter, long sinceTicks, long untilTicks, IBufferWriter<byte> output, LogLineText parts)
    {
        var payload = cursor.Payload;
        var position = 0;
        while (LogRecordCodec.TryReadRecord(payload, ref position, out var record))
        {
            if (record.Sequence < cursor.NextSequence)
            {
                continue;
            }

            cursor.NextSequence = record.Sequence + 1;
            if (record.Ticks < sinceTicks)
            {
                continue;
            }

            if (record.Ticks > untilTicks)
            {
                return true;
            }

            if (!filter.Matches(record)
                || (filter.Text is { } text && !Encoding.UTF8.GetString(record.Message).Contains(text, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            LogNdjsonLine.Write(output, record, parts);
        }

        return false;
    }
}
