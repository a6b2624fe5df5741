using System.Buffers;
using System.Buffers.Text;

namespace Widemesh.Platform.Logs;

/// <summary>
/// Writes one entry as an NDJSON line straight from the stored UTF-8, escaping only what JSON requires (quote,
/// backslash, control characters); stored messages rarely need any, so most strings are copied as they are.
/// </summary>
internal static class LogNdjsonLine
{
    private static readonly SearchValues<byte> NeedsEscape = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(b => (byte)b), (byte)'"', (byte)'\\']);

    public static void Write(IBufferWriter<byte> output, in LogRecordView record, LogLineText parts)
    {
        // 100 bytes of fixed text at most (seq, two times, keys, "continuation"), the names as formatted for the line
        // before, then the message: as it is when nothing needs escaping (the common case), else up to 6 bytes a byte.
        var names = parts.Names(record);
        var clean = Clean(record.Message);
        var span = output.GetSpan(128 + names.Length + (clean ? record.Message.Length : 6 * record.Message.Length));
        var at = 0;
        Append(span, ref at, "{\"seq\":"u8);
        Utf8Formatter.TryFormat(record.Sequence, span[at..], out var written);
        at += written;
        Append(span, ref at, ",\"time\":\""u8);
        Append(span, ref at, parts.Received(record.Ticks));
        if (record.SourceTicks != 0)
        {
            Append(span, ref at, "\",\"sourceTime\":\""u8);
            Append(span, ref at, parts.Source(record.SourceTicks));
        }

        Append(span, ref at, names);
        String(span, ref at, record.Message, clean);
        Append(span, ref at, record.Continuation ? "\",\"continuation\":true}\n"u8 : "\"}\n"u8);
        output.Advance(at);
    }

    /// <summary>Writes <c>","rack":"…","stack":"…","instance":"…","stream":"…","message":"</c> for the record's source.</summary>
    public static void WriteNames(IBufferWriter<byte> output, in LogRecordView record)
    {
        var names = record.Rack.Length + record.Source.Length + record.Instance.Length;
        var span = output.GetSpan(128 + (6 * names));
        var at = 0;
        Append(span, ref at, "\",\"rack\":\""u8);
        String(span, ref at, record.Rack, clean: false);
        Append(span, ref at, record.Kind == LogSourceKind.Stack ? "\",\"stack\":\""u8 : "\",\"service\":\""u8);
        String(span, ref at, record.Source, clean: false);
        Append(span, ref at, "\",\"instance\":\""u8);
        String(span, ref at, record.Instance, clean: false);
        Append(span, ref at, record.Stream == LogStream.Stdout ? "\",\"stream\":\"stdout\",\"message\":\""u8 : "\",\"stream\":\"stderr\",\"message\":\""u8);
        output.Advance(at);
    }

    private static bool Clean(ReadOnlySpan<byte> value) => value.IndexOfAny(NeedsEscape) < 0;

    private static void Append(Span<byte> span, ref int at, ReadOnlySpan<byte> text)
    {
        text.CopyTo(span[at..]);
        at += text.Length;
    }

    /// <summary>Copies a string's bytes, escaping what JSON requires unless the caller knows there is none.</summary>
    private static void String(Span<byte> span, ref int at, ReadOnlySpan<byte> value, bool clean)
    {
        while (!value.IsEmpty)
        {
            var next = clean ? -1 : value.IndexOfAny(NeedsEscape);
            var take = next < 0 ? value.Length : next;
            Append(span, ref at, value[..take]);
            if (next < 0)
            {
                return;
            }

            var b = value[next];
            span[at++] = (byte)'\\';
            if (b is (byte)'"' or (byte)'\\')
            {
                span[at++] = b;
            }
            else
            {
                Append(span, ref at, "u00"u8);
                span[at++] = (byte)"0123456789abcdef"[b >> 4];
                span[at++] = (byte)"0123456789abcdef"[b & 0xF];
            }

            value = value[(next + 1)..];
        }
    }
}
