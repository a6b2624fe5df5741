using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Widemesh.Platform.Logs;

/// <summary>
/// Turns raw output into stored messages. The rules (documented in docs/logs.md):
/// <list type="bullet">
/// <item>Valid UTF-8 is kept as it is, except control characters (U+0000–U+001F other than tab, and U+007F),
/// which become <c>\xNN</c> with two lowercase hex digits.</item>
/// <item>Every byte that is not part of valid UTF-8 becomes <c>\xNN</c> too. A backslash in the source is not
/// escaped, so <c>\x41</c> in a message may be the four characters the program wrote.</item>
/// <item>A line longer than <see cref="MaxMessageBytes"/> bytes (after escaping) is cut, at a character boundary,
/// into entries of at most that size; every entry after the first is marked as a continuation. Nothing is dropped.</item>
/// <item>A trailing <c>\r</c> (CRLF line ends) is removed; a JSON message with unpaired surrogate escapes
/// stores U+FFFD in their place (<see cref="LogJsonUnescape"/>).</item>
/// </list>
/// </summary>
internal static class LogText
{
    public const int MaxMessageBytes = 64 * 1024;

    /// <summary>Escapes invalid UTF-8 and control characters as <c>\xNN</c>; returns a copy.</summary>
    public static byte[] Escape(ReadOnlySpan<byte> raw)
    {
        if (!NeedsEscape(raw))
        {
            return raw.ToArray();
        }

        var output = new ArrayBufferWriter<byte>(raw.Length + 16);
        while (!raw.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(raw, out var rune, out var consumed);
            if (status != OperationStatus.Done)
            {
                for (var i = 0; i < consumed; i++)
                {
                    WriteHex(output, raw[i]);
                }
            }
            else if (rune.Value is (< 0x20 and not '\t') or 0x7F)
            {
                WriteHex(output, (byte)rune.Value);
            }
            else
            {
                output.Write(raw[..consumed]);
            }

            raw = raw[consumed..];
        }

        return output.WrittenSpan.ToArray();
    }

    /// <summary>Bytes a plain line has none of: control characters but tab, DEL, and every byte that is not ASCII.</summary>
    internal static readonly SearchValues<byte> NotPlain = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(b => b != '\t').Select(b => (byte)b), .. Enumerable.Range(0x7F, 0x81).Select(b => (byte)b)]);

    /// <summary>Printable ASCII and tabs only, found in one scan: such a line needs no escape (most lines are).</summary>
    internal static bool IsPlain(ReadOnlySpan<byte> line) => line.IndexOfAny(NotPlain) < 0;

    internal static bool NeedsEscape(ReadOnlySpan<byte> raw) =>
        raw.IndexOfAnyInRange((byte)0x00, (byte)0x08) >= 0 || raw.IndexOfAnyInRange((byte)0x0A, (byte)0x1F) >= 0
        || raw.IndexOf((byte)0x7F) >= 0 || !Utf8.IsValid(raw);

    /// <summary>How many bytes of <paramref name="message"/> fit in one entry without splitting a character.</summary>
    internal static int CutPoint(ReadOnlySpan<byte> message)
    {
        if (message.Length <= MaxMessageBytes)
        {
            return message.Length;
        }

        var cut = MaxMessageBytes;
        while (cut > 0 && (message[cut] & 0xC0) == 0x80)
        {
            cut--;
        }

        return cut;
    }

    private static void WriteHex(ArrayBufferWriter<byte> output, byte value)
    {
        var span = output.GetSpan(4);
        span[0] = (byte)'\\';
        span[1] = (byte)'x';
        span[2] = (byte)"0123456789abcdef"[value >> 4];
        span[3] = (byte)"0123456789abcdef"[value & 0xF];
        output.Advance(4);
    }
}
