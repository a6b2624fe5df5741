using System.Text.Encodings.Web;
using System.Text.Json;

namespace Widemesh.Platform.Logs;

/// <summary>
/// Writes entries as NDJSON lines in the same shape the ingest API accepts, plus <c>seq</c> (the cursor),
/// <c>time</c> (received) and <c>continuation</c>:
/// <c>{"seq":42,"time":"…Z","sourceTime":"…Z","rack":"r1","stack":"web","instance":"web-1","stream":"stdout","message":"…"}</c>.
/// </summary>
internal static class LogEntryJsonWriter
{
    public static JsonWriterOptions Options { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    public static void Write(Utf8JsonWriter json, LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(entry);
        json.WriteStartObject();
        json.WriteNumber("seq"u8, entry.Sequence);
        json.WriteString("time"u8, entry.ReceivedAt.UtcDateTime);
        if (entry.SourceTime is { } sourceTime)
        {
            json.WriteString("sourceTime"u8, sourceTime.UtcDateTime);
        }

        json.WriteString("rack"u8, entry.Rack);
        json.WriteString(entry.Kind == LogSourceKind.Stack ? "stack"u8 : "service"u8, entry.Source);
        json.WriteString("instance"u8, entry.Instance);
        json.WriteString("stream"u8, entry.Stream == LogStream.Stdout ? "stdout"u8 : "stderr"u8);
        json.WriteString("message"u8, entry.Message);
        if (entry.Continuation)
        {
            json.WriteBoolean("continuation"u8, true);
        }

        json.WriteEndObject();
    }
}
