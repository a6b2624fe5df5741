using System.Buffers;
using System.Text;
using System.Text.Json;
using Widemesh.Platform.Logs;

namespace Widemesh.Platform.Tests.Logs;

/// <summary>The NDJSON line of one stored entry: valid JSON for any stored bytes, and times that follow each entry.</summary>
public sealed class LogNdjsonLineTests
{
    [Theory]
    [InlineData("plain text")]
    [InlineData("user_agent=\"curl/8.5.0\" path=C:\\temp")]
    [InlineData("tab\there and \\x00 as stored")]
    [InlineData("ünïcödé ✓")]
    public void Every_message_comes_out_as_a_json_string_that_reads_back_unchanged(string message)
    {
        var output = new ArrayBufferWriter<byte>();

        Write(output, new LogLineText(), sequence: 7, ticks: At(0), sourceTicks: 0, message, instance: "web-1");

        using var json = JsonDocument.Parse(output.WrittenMemory);
        Assert.Equal(message, json.RootElement.GetProperty("message").GetString());
        Assert.Equal(7, json.RootElement.GetProperty("seq").GetInt64());
        Assert.Equal("web-1", json.RootElement.GetProperty("instance").GetString());
        Assert.False(json.RootElement.TryGetProperty("sourceTime", out _));
        Assert.Equal((byte)'\n', output.WrittenSpan[^1]);
    }

    [Fact]
    public void Times_change_from_one_entry_to_the_next_even_though_they_are_formatted_once_per_value()
    {
        var times = new LogLineText();
        var lines = new List<JsonElement>();
        (long Received, long Source)[] entries = [(At(0), At(-5)), (At(0), At(-4)), (At(1), At(-4)), (At(1), 0), (At(2), At(-5))];
        foreach (var (received, source) in entries)
        {
            var output = new ArrayBufferWriter<byte>();
            Write(output, times, 1, received, source, "m", "i-1");
            lines.Add(JsonDocument.Parse(output.WrittenMemory).RootElement.Clone());
        }

        for (var i = 0; i < entries.Length; i++)
        {
            Assert.Equal(new DateTime(entries[i].Received, DateTimeKind.Utc), lines[i].GetProperty("time").GetDateTime());
            if (entries[i].Source == 0)
            {
                Assert.False(lines[i].TryGetProperty("sourceTime", out _));
            }
            else
            {
                Assert.Equal(new DateTime(entries[i].Source, DateTimeKind.Utc), lines[i].GetProperty("sourceTime").GetDateTime());
            }
        }
    }

    [Fact]
    public void Each_line_names_its_own_source_though_the_names_are_formatted_once_per_source()
    {
        var parts = new LogLineText();
        (string Instance, LogStream Stream)[] sources = [("web-1", LogStream.Stdout), ("web-1", LogStream.Stdout), ("web-2", LogStream.Stdout), ("web-2", LogStream.Stderr), ("web-1", LogStream.Stdout)];
        foreach (var (instance, stream) in sources)
        {
            var output = new ArrayBufferWriter<byte>();
            Write(output, parts, 1, At(0), 0, "m", instance, stream);
            var line = JsonDocument.Parse(output.WrittenMemory).RootElement;

            Assert.Equal(instance, line.GetProperty("instance").GetString());
            Assert.Equal(stream == LogStream.Stdout ? "stdout" : "stderr", line.GetProperty("stream").GetString());
            Assert.Equal("web", line.GetProperty("stack").GetString());
            Assert.Equal("r1", line.GetProperty("rack").GetString());
        }
    }

    private static long At(int seconds) => new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc).AddSeconds(seconds).AddTicks(1234567).Ticks;

    private static void Write(ArrayBufferWriter<byte> output, LogLineText times, long sequence, long ticks, long sourceTicks, string message, string instance, LogStream stream = LogStream.Stdout)
    {
        // As in a stored record: rack, source, instance and message back to back.
        var strings = Encoding.UTF8.GetBytes("r1" + "web" + instance + message).AsSpan();
        var instanceBytes = Encoding.UTF8.GetByteCount(instance);
        var record = new LogRecordView
        {
            Sequence = sequence,
            Ticks = ticks,
            SourceTicks = sourceTicks,
            Kind = LogSourceKind.Stack,
            Stream = stream,
            Continuation = false,
            Rack = strings[..2],
            Source = strings[2..5],
            Instance = strings.Slice(5, instanceBytes),
            Message = strings[(5 + instanceBytes)..],
            Strings = strings,
        };
        LogNdjsonLine.Write(output, record, times);
    }
}
