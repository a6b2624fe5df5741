using System.Buffers;
using System.Text;
using Widemesh.Platform.Drains;
using Widemesh.Platform.Logs;

namespace Widemesh.Platform.Tests.Drains;

public sealed class SyslogFormatterTests
{
    [Fact]
    public void Stdout_is_local0_info_with_source_time_and_the_rack_in_structured_data()
    {
        var entry = SomeEntry(LogStream.Stdout, "hello wörld", sourceTime: new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero));

        var text = SyslogFormatter.Format(entry, "shop.widemesh.internal");

        Assert.Equal("<134>1 2026-01-02T03:04:05.678000Z shop.widemesh.internal web web-1 stdout [widemesh@32473 rack=\"r1\" env=\"shop.widemesh.internal\" seq=\"7\"] hello wörld", text);
    }

    [Fact]
    public void Stderr_is_error_severity_and_header_fields_lose_spaces_and_quotes_are_escaped_in_sd()
    {
        var entry = SomeEntry(LogStream.Stderr, "boom", rack: "r\"1]", instance: "web 1");

        var text = SyslogFormatter.Format(entry, "shop");

        Assert.StartsWith("<131>1 2026-11-25T10:00:00.000000Z shop web web_1 stderr [widemesh@32473 rack=\"r\\\"1\\]\" env=\"shop\" seq=\"7\"] boom", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Framing_prefixes_the_byte_length_not_the_character_count()
    {
        var entry = SomeEntry(LogStream.Stdout, "é");
        var output = new ArrayBufferWriter<byte>();

        SyslogFormatter.WriteFramed(entry, "shop", output);
        var framed = Encoding.UTF8.GetString(output.WrittenSpan);
        var space = framed.IndexOf(' ', StringComparison.Ordinal);

        Assert.Equal(Encoding.UTF8.GetByteCount(framed[(space + 1)..]), int.Parse(framed[..space], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static LogEntry SomeEntry(LogStream stream, string message, DateTimeOffset? sourceTime = null, string rack = "r1", string instance = "web-1") => new(
        7,
        new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero),
        sourceTime,
        "env_1",
        rack,
        LogSourceKind.Stack,
        "web",
        instance,
        stream,
        message,
        false);
}
