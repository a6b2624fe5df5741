using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Widemesh.Cli.Output;
using Widemesh.Sdk.Contracts.Logs;

namespace Widemesh.Cli.Commands.Logs;

/// <summary>
/// Writes log lines for people (<c>time rack source instance  message</c>, columns widening as longer names
/// appear, each source in its own colour on a terminal) or as NDJSON (<c>--json</c>: one entry per line, the
/// API's shape).
/// </summary>
internal sealed class LogLineWriter(TextWriter output, TerminalStyle style, bool json, TimeZoneInfo? localZone)
{
    private static readonly string[] Palette = ["36", "33", "32", "35", "34", "96", "93", "92", "95", "94"];

    private static readonly LogsJsonContext JsonContext = new(new JsonSerializerOptions(LogsJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private readonly Dictionary<string, string> _colours = new(StringComparer.Ordinal);
    private int _rackWidth;
    private int _sourceWidth;
    private int _instanceWidth;

    public void Write(LogLine line)
    {
        if (json)
        {
            output.Write(JsonSerializer.Serialize(line, JsonContext.LogLine));
            output.Write('\n');
            return;
        }

        _rackWidth = Math.Max(_rackWidth, line.Rack.Length);
        _sourceWidth = Math.Max(_sourceWidth, line.Source.Length);
        _instanceWidth = Math.Max(_instanceWidth, line.Instance.Length);
        var time = localZone is null
            ? line.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
            : TimeZoneInfo.ConvertTime(line.Time, localZone).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
        var source = $"{line.Rack.PadRight(_rackWidth)} {line.Source.PadRight(_sourceWidth)} {line.Instance.PadRight(_instanceWidth)}";
        output.Write(style.Dim(time));
        output.Write(' ');
        output.Write(Colour(line.Source, source));
        output.Write("  ");
        output.Write(line.Message);
        output.Write('\n');
    }

    public void Flush() => output.Flush();

    private string Colour(string source, string text)
    {
        if (!style.Enabled)
        {
            return text;
        }

        if (!_colours.TryGetValue(source, out var code))
        {
            code = Palette[_colours.Count % Palette.Length];
            _colours[source] = code;
        }

        return $"\u001b[{code}m{text}\u001b[0m";
    }
}
