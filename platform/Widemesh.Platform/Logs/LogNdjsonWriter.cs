using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Widemesh.Platform.Logs;

/// <summary>
/// Streams a query as NDJSON straight from the stored UTF-8 bytes, one frame at a time, flushing every 32 KiB and
/// whenever it has to wait for new entries. Each line has the shape the ingest API accepts, plus <c>seq</c> (the
/// cursor), <c>time</c> (received) and <c>continuation</c>:
/// <c>{"seq":42,"time":"…Z","sourceTime":"…Z","rack":"r1","stack":"web","instance":"web-1","stream":"stdout","message":"…"}</c>.
/// </summary>
internal static class LogNdjsonWriter
{
    private const int FlushBytes = 32 * 1024;

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    public static async Task WriteAsync(
        LogEnvironmentStore environment, LogQuery query, long sinceTicks, long untilTicks, PipeWriter pipe, CancellationToken cancellationToken)
    {
        var filter = new LogEntryFilter(query);
        using var cursor = new LogReadCursor(environment, query.AfterSequence is null ? sinceTicks : null, query.AfterSequence + 1 ?? 0);
        await using var json = new Utf8JsonWriter(pipe, Options);
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
                await pipe.FlushAsync(cancellationToken);
                if (!query.Follow)
                {
                    break;
                }

                await changed.WaitAsync(cancellationToken);
                continue;
            }

            var stop = WriteFrame(cursor, filter, sinceTicks, untilTicks, json, pipe);
            if (stop)
            {
                break;
            }

            if (pipe.UnflushedBytes >= FlushBytes)
            {
                await pipe.FlushAsync(cancellationToken);
            }
        }

        await pipe.FlushAsync(cancellationToken);
    }

    /// <summary>Writes the matching entries of the cursor's frame; true when an entry past <c>until</c> was reached.</summary>
    private static bool WriteFrame(LogReadCursor cursor, LogEntryFilter filter, long sinceTicks, long untilTicks, Utf8JsonWriter json, PipeWriter pipe)
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

            Write(json, record);
            json.Flush();
            pipe.Write("\n"u8);
            json.Reset(pipe);
        }

        return false;
    }

    private static void Write(Utf8JsonWriter json, in LogRecordView record)
    {
        json.WriteStartObject();
        json.WriteNumber("seq"u8, record.Sequence);
        json.WriteString("time"u8, new DateTime(record.Ticks, DateTimeKind.Utc));
        if (record.SourceTicks != 0)
        {
            json.WriteString("sourceTime"u8, new DateTime(record.SourceTicks, DateTimeKind.Utc));
        }

        json.WriteString("rack"u8, record.Rack);
        json.WriteString(record.Kind == LogSourceKind.Stack ? "stack"u8 : "service"u8, record.Source);
        json.WriteString("instance"u8, record.Instance);
        json.WriteString("stream"u8, record.Stream == LogStream.Stdout ? "stdout"u8 : "stderr"u8);
        json.WriteString("message"u8, record.Message);
        if (record.Continuation)
        {
            json.WriteBoolean("continuation"u8, true);
        }

        json.WriteEndObject();
    }
}
