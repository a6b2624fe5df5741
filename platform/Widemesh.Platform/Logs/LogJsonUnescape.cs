using System.Buffers.Text;
using System.Text;

namespace Widemesh.Platform.Logs;

/// <summary>
/// Unescapes a JSON string that <see cref="System.Text.Json.Utf8JsonReader.CopyString(Span{byte})"/> refuses: one
/// with an unpaired surrogate escape such as <c>\ud800</c> (valid JSON, but not Unicode text). Each unpaired
/// surrogate becomes U+FFFD, as in <see cref="LogText"/>'s rules; everything else is unescaped as usual.
/// </summary>
internal static class LogJsonUnescape
{
    private static readonly byte[] Replacement = [0xEF, 0xBF, 0xBD];

    /// <summary>Writes the unescaped text of <paramref name="escaped"/> (a string's bytes between its quotes) to <paramref name="destination"/>, which needs no more room than the input; returns its length.</summary>
    public static int Unescape(ReadOnlySpan<byte> escaped, Span<byte> destination)
    {
        var written = 0;
        while (!escaped.IsEmpty)
        {
            var backslash = escaped.IndexOf((byte)'\\');
            var plain = backslash < 0 ? escaped : escaped[..backslash];
            plain.CopyTo(destination[written..]);
            written += plain.Length;
            if (backslash < 0 || backslash + 1 >= escaped.Length)
            {
                break;
            }

            escaped = escaped[(backslash + 1)..];
            if (escaped[0] != (byte)'u')
            {
                destination[written++] = escaped[0] switch
                {
                    (byte)'b' => (byte)'\b',
                    (byte)'f' => (byte)'\f',
                    (byte)'n' => (byte)'\n',
                    (byte)'r' => (byte)'\r',
                    (byte)'t' => (byte)'\t',
                    var other => other,
                };
                escaped = escaped[1..];
                continue;
            }

            var unit = Hex(escaped[1..]);
            escaped = escaped[Math.Min(5, escaped.Length)..];
            if (char.IsHighSurrogate((char)unit) && escaped.Length >= 6 && escaped[0] == (byte)'\\' && escaped[1] == (byte)'u'
                && Hex(escaped[2..]) is var low && char.IsLowSurrogate((char)low))
            {
                written += new Rune((char)unit, (char)low).EncodeToUtf8(destination[written..]);
                escaped = escaped[6..];
            }
            else if (char.IsSurrogate((char)unit))
            {
                Replacement.CopyTo(destination[written..]);
                written += Replacement.Length;
            }
            else
            {
                written += new Rune(unit).EncodeToUtf8(destination[written..]);
            }
        }

        return written;
    }

    /// <summary>The four hex digits at the start of <paramref name="digits"/> (the reader has already checked them).</summary>
    private static int Hex(ReadOnlySpan<byte> digits) =>
        Utf8Parser.TryParse(digits[..Math.Min(4, digits.Length)], out int value, out _, 'X') ? value : 0xFFFD;
}
