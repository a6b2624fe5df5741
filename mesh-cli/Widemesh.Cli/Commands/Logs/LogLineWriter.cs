using System.Globalization;
using System.Text;
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

    private const int FlushChars = 32 * 1024;

    private readonly Dictionary<string, string> _colours = new(StringComparer.Ordinal);
    private readonly StringBuilder _buffer = new();
    private int _rackWidth;
    private int _sourceWidth;
    private int _instanceWidth;

    /// <summary>Adds the line to the buffer, which goes out every 32 KiB and on <see cref="Flush"/>.</summary>
    public void Write(LogLine line)
    {
        if (json)
        {
            _buffer.Append(JsonSerializer.Serialize(line, JsonContext.LogLine)).Append('\n');
        }
        else
        {
            AppendText(line);
        }

        if (_buffer.Length >= FlushChars)
        {
            Flush();
        }
    }

    /// <summary>Writes out what is buffered (the caller does this whenever it is about to wait for more lines).</summary>
    public void Flush()
    {
        if (_buffer.Length > 0)
        {
            output.Write(_buffer);
            _buffer.Clear();
        }

        output.Flush();
    }

    private void AppendText(LogLine line)
    {
        _rackWidth = Math.Max(_rackWidth, line.Rack.Length);
        _sourceWidth = Math.Max(_sourceWidth, line.Source.Length);
        _instanceWidth = Math.Max(_instanceWidth, line.Instance.Length);
        var time = localZone is null
            ? line.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
            : TimeZoneInfo.ConvertTime(line.Time, localZone).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
        var colour = Colour(line.Source);
        _buffer.Append(style.Dim(time)).Append(' ');
        if (colour is not null)
        {
            _buffer.Append("\u001b[").Append(colour).Append('m');
        }

        _buffer.Append(line.Rack).Append(' ', _rackWidth - line.Rack.Length).Append(' ')
            .Append(line.Source).Append(' ', _sourceWidth - line.Source.Length).Append(' ')
            .Append(line.Instance).Append(' ', _instanceWidth - line.Instance.Length);
        if (colour is not null)
        {
            _buffer.Append("\u001b[0m");
        }

        _buffer.Append("  ").Append(line.Message).Append('\n');
    }

    private string? Colour(string source)
    {
        if (!style.Enabled)
        {
            return null;
        }

        if (!_colours.TryGetValue(source, out var code))
        {
            code = Palette[_colours.Count % Palette.Length];
            _colours[source] = code;
        }

        return code;
    }
}
