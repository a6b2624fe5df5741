using System.Buffers;
using System.Globalization;
using System.Text;
using Widemesh.Platform.Logs;

namespace Widemesh.Platform.Drains;

/// <summary>
/// Writes log entries as RFC 5424 syslog messages framed by octet counting (RFC 6587 §3.4.1):
/// <c>LEN SP &lt;PRI&gt;1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [SD] MSG</c>. Facility is local0 (16); severity is
/// informational (6) for stdout and error (3) for stderr. HOSTNAME is the environment's host name, APP-NAME the
/// stack or service, PROCID the instance, MSGID the stream. The structured data element <c>widemesh@32473</c>
/// (32473 is the documentation enterprise number of RFC 5612) carries the rack, the environment and the <c>seq</c>.
/// TIMESTAMP is the time the instance gave, else the time meshd received the line. MSG is the stored UTF-8 text.
/// </summary>
internal static class SyslogFormatter
{
    public const int Facility = 16;

    public const string SdId = "widemesh@32473";

    public static int Priority(LogStream stream) => (Facility * 8) + (stream == LogStream.Stderr ? 3 : 6);

    /// <summary>The RFC 5424 message without framing.</summary>
    public static string Format(LogEntry entry, string hostname)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var time = (entry.SourceTime ?? entry.ReceivedAt).UtcDateTime;
        var text = new StringBuilder(128 + entry.Message.Length);
        text.Append('<').Append(Priority(entry.Stream).ToString(CultureInfo.InvariantCulture)).Append(">1 ")
            .Append(time.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)).Append(' ')
            .Append(Header(hostname, 255)).Append(' ')
            .Append(Header(entry.Source, 48)).Append(' ')
            .Append(Header(entry.Instance, 128)).Append(' ')
            .Append(entry.Stream == LogStream.Stderr ? "stderr" : "stdout").Append(' ')
            .Append('[').Append(SdId)
            .Append(" rack=\"").Append(ParamValue(entry.Rack))
            .Append("\" env=\"").Append(ParamValue(hostname))
            .Append("\" seq=\"").Append(entry.Sequence.ToString(CultureInfo.InvariantCulture)).Append("\"]");
        if (entry.Message.Length > 0)
        {
            text.Append(' ').Append(entry.Message);
        }

        return text.ToString();
    }

    /// <summary>Appends <c>LEN SP MESSAGE</c> to <paramref name="output"/>.</summary>
    public static void WriteFramed(LogEntry entry, string hostname, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var message = Encoding.UTF8.GetBytes(Format(entry, hostname));
        var length = Encoding.ASCII.GetBytes(message.Length.ToString(CultureInfo.InvariantCulture) + " ");
        output.Write(length);
        output.Write(message);
    }

    /// <summary>A header field: printable US-ASCII without spaces, at most <paramref name="max"/> characters, "-" when empty.</summary>
    private static string Header(string value, int max)
    {
        var text = new StringBuilder(Math.Min(value.Length, max));
        foreach (var c in value)
        {
            if (text.Length == max)
            {
                break;
            }

            text.Append(c is > ' ' and < '\u007f' ? c : '_');
        }

        return text.Length == 0 ? "-" : text.ToString();
    }

    /// <summary>An SD-PARAM value: '"', '\' and ']' are escaped with a backslash (RFC 5424 §6.3.3).</summary>
    private static string ParamValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);
}
