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

    public static void Write(IBufferWriter<byte> output, in LogRecordView record)
    {
        // 200 bytes of fixed text at most (seq, two times, keys, "continuation"), then the strings as they are.
        var size = 256 + record.Rack.Length + record.Source.Length + record.Instance.Length + record.Message.Length;
        var span = output.GetSpan(size);
        var at = 0;
        Append(span, ref at, "{\"seq\":"u8);
        Utf8Formatter.TryFormat(record.Sequence, span[at..], out var written);
        at += written;
        Append(span, ref at, ",\"time\":\""u8);
        at += Time(span[at..], record.Ticks);
        if (record.SourceTicks != 0)
        {
            Append(span, ref at, "\",\"sourceTime\":\""u8);
            at += Time(span[at..], record.SourceTicks);
        }

        Append(span, ref at, "\",\"rack\":\""u8);
        if (Clean(record.Rack) && Clean(record.Source) && Clean(record.Instance) && Clean(record.Message))
        {
            // The common case: nothing to escape, so the whole line goes into the one span already reserved.
            Append(span, ref at, record.Rack);
            Append(span, ref at, record.Kind == LogSourceKind.Stack ? "\",\"stack\":\""u8 : "\",\"service\":\""u8);
            Append(span, ref at, record.Source);
            Append(span, ref at, "\",\"instance\":\""u8);
            Append(span, ref at, record.Instance);
            Append(span, ref at, record.Stream == LogStream.Stdout ? "\",\"stream\":\"stdout\",\"message\":\""u8 : "\",\"stream\":\"stderr\",\"message\":\""u8);
            Append(span, ref at, record.Message);
            Append(span, ref at, record.Continuation ? "\",\"continuation\":true}\n"u8 : "\"}\n"u8);
            output.Advance(at);
            return;
        }

        output.Advance(at);
        String(output, record.Rack);
        Raw(output, record.Kind == LogSourceKind.Stack ? "\",\"stack\":\""u8 : "\",\"service\":\""u8);
        String(output, record.Source);
        Raw(output, "\",\"instance\":\""u8);
        String(output, record.Instance);
        Raw(output, record.Stream == LogStream.Stdout ? "\",\"stream\":\"stdout\",\"message\":\""u8 : "\",\"stream\":\"stderr\",\"message\":\""u8);
        String(output, record.Message);
        Raw(output, record.Continuation ? "\",\"continuation\":true}\n"u8 : "\"}\n"u8);
    }

    private static bool Clean(ReadOnlySpan<byte> value) => value.IndexOfAny(NeedsEscape) < 0;

    private static int Time(Span<byte> destination, long ticks)
    {
        Utf8Formatter.TryFormat(new DateTime(ticks, DateTimeKind.Utc), destination, out var written, new StandardFormat('O'));
        return written;
    }

    private static void Append(Span<byte> span, ref int at, ReadOnlySpan<byte> text)
    {
        text.CopyTo(span[at..]);
        at += text.Length;
    }

    private static void Raw(IBufferWriter<byte> output, ReadOnlySpan<byte> text)
    {
        text.CopyTo(output.GetSpan(text.Length));
        output.Advance(text.Length);
    }

    private static void String(IBufferWriter<byte> output, ReadOnlySpan<byte> value)
    {
        while (!value.IsEmpty)
        {
            var clean = value.IndexOfAny(NeedsEscape);
            var take = clean < 0 ? value.Length : clean;
            Raw(output, value[..take]);
            if (clean < 0)
            {
                return;
            }

            var b = value[clean];
            var escape = output.GetSpan(6);
            escape[0] = (byte)'\\';
            if (b is (byte)'"' or (byte)'\\')
            {
                escape[1] = b;
                output.Advance(2);
            }
            else
            {
                "u00"u8.CopyTo(escape[1..]);
                escape[4] = (byte)"0123456789abcdef"[b >> 4];
                escape[5] = (byte)"0123456789abcdef"[b & 0xF];
                output.Advance(6);
            }

            value = value[(clean + 1)..];
        }
    }
}
