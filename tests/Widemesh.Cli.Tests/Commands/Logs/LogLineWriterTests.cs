using Widemesh.Cli.Commands.Logs;
using Widemesh.Cli.Output;
using Widemesh.Sdk.Contracts.Logs;

namespace Widemesh.Cli.Tests.Commands.Logs;

public sealed class LogLineWriterTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 10, 2, 12, 345, TimeSpan.Zero);

    [Fact]
    public void Each_source_gets_its_own_colour_on_a_terminal()
    {
        var output = new StringWriter();
        var writer = new LogLineWriter(output, new TerminalStyle(true), json: false, localZone: null);

        writer.Write(Line("web", "a"));
        writer.Write(Line("worker", "b"));
        writer.Write(Line("web", "c"));
        writer.Flush();

        var lines = output.ToString().TrimEnd('\n').Split('\n');
        var colours = lines.Select(line => line.Split("\u001b[")[3][..2]).ToList();
        Assert.Equal(colours[0], colours[2]);
        Assert.NotEqual(colours[0], colours[1]);
        Assert.All(lines, line => Assert.Contains("\u001b[2m2026-11-25T10:02:12.345Z\u001b[0m", line, StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_terminal_there_is_no_escape_sequence_local_time_uses_the_zone_and_lines_wait_for_flush()
    {
        var output = new StringWriter();
        var zone = TimeZoneInfo.CreateCustomTimeZone("plus-two", TimeSpan.FromHours(2), "plus-two", "plus-two");
        var writer = new LogLineWriter(output, new TerminalStyle(false), json: false, zone);

        writer.Write(Line("web", "hello"));
        Assert.Equal(string.Empty, output.ToString());
        writer.Flush();

        Assert.Equal("2026-11-25 12:02:12.345 r1 web web-1  hello\n", output.ToString());
    }

    [Fact]
    public void Json_lines_keep_stack_or_service_and_leave_out_what_is_absent()
    {
        var output = new StringWriter();
        var writer = new LogLineWriter(output, new TerminalStyle(true), json: true, localZone: null);

        writer.Write(Line("web", "<ok> \"q\"") with { Stack = null, Service = "api", SourceTime = At.ToOffset(TimeSpan.FromHours(2)) });
        writer.Flush();

        Assert.Equal(
            "{\"seq\":7,\"time\":\"2026-11-25T10:02:12.3450000Z\",\"sourceTime\":\"2026-11-25T10:02:12.3450000Z\",\"rack\":\"r1\",\"service\":\"api\",\"instance\":\"web-1\",\"stream\":\"stdout\",\"message\":\"<ok> \\\"q\\\"\"}\n",
            output.ToString());
    }

    private static LogLine Line(string stack, string message) => new()
    {
        Seq = 7,
        Time = At,
        Rack = "r1",
        Stack = stack,
        Instance = "web-1",
        Stream = "stdout",
        Message = message,
    };
}
