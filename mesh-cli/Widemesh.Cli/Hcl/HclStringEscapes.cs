using System.Globalization;
using System.Text;

namespace Widemesh.Cli.Hcl;

/// <summary>Decodes and encodes the escapes of quoted strings (<c>\n \t \" \\ \uNNNN \UNNNNNNNN</c>, <c>$${</c>, <c>%%{</c>).</summary>
internal static class HclStringEscapes
{
    public static string Decode(string raw)
    {
        if (!raw.Contains('\\') && !raw.Contains("${", StringComparison.Ordinal) && !raw.Contains("%{", StringComparison.Ordinal))
        {
            return raw;
        }

        var builder = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '\\' && i + 1 < raw.Length)
            {
                i += DecodeEscape(raw, i, builder);
            }
            else
            {
                i += DecodeTemplateEscape(raw, i, builder);
            }
        }

        return builder.ToString();
    }

    /// <summary>Turns <c>$${</c> into <c>${</c> and <c>%%{</c> into <c>%{</c> (heredocs have no backslash escapes).</summary>
    public static string DecodeTemplateEscapes(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            i += DecodeTemplateEscape(raw, i, builder);
        }

        return builder.ToString();
    }

    /// <summary>The length of the valid escape sequence at <paramref name="index"/> (a backslash), or 0 if it is invalid.</summary>
    public static int EscapeLength(string raw, int index)
    {
        if (index + 1 >= raw.Length)
        {
            return 0;
        }

        var next = raw[index + 1];
        if (next is 'n' or 'r' or 't' or '"' or '\\')
        {
            return 2;
        }

        var digits = next switch { 'u' => 4, 'U' => 8, _ => 0 };
        return digits > 0 && index + 2 + digits <= raw.Length
            && int.TryParse(raw.AsSpan(index + 2, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            && Rune.IsValid(code)
            ? 2 + digits
            : 0;
    }

    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                '$' or '%' when i + 1 < value.Length && value[i + 1] == '{' => builder.Append(c).Append(c),
                < ' ' or '\u007f' => builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    private static int DecodeTemplateEscape(string raw, int i, StringBuilder builder)
    {
        var c = raw[i];
        if ((c == '$' || c == '%') && i + 2 < raw.Length && raw[i + 1] == c && raw[i + 2] == '{')
        {
            builder.Append(c).Append('{');
            return 2;
        }

        builder.Append(c);
        return 0;
    }

    private static int DecodeEscape(string raw, int i, StringBuilder builder)
    {
        var next = raw[i + 1];
        switch (next)
        {
            case 'n': builder.Append('\n'); return 1;
            case 'r': builder.Append('\r'); return 1;
            case 't': builder.Append('\t'); return 1;
            case '"': builder.Append('"'); return 1;
            case '\\': builder.Append('\\'); return 1;
            case 'u' or 'U':
                var length = next == 'u' ? 4 : 8;
                if (i + 2 + length <= raw.Length
                    && int.TryParse(raw.AsSpan(i + 2, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                    && Rune.IsValid(code))
                {
                    builder.Append(new Rune(code).ToString());
                    return 1 + length;
                }

                builder.Append('\\');
                return 0;
            default:
                builder.Append('\\');
                return 0;
        }
    }
}
