using System.Buffers;
using System.Text;
using Widemesh.Platform.Logs;

namespace Widemesh.Platform.Tests.Logs;

/// <summary>The ingest body parser, in particular its shortcut for entries that repeat the names of the one before.</summary>
public sealed class LogIngestParserTests
{
    private static readonly string[] Racks = ["r1", "r2"];

    [Fact]
    public void Entries_that_repeat_their_names_share_one_string_per_name_and_keep_their_own_stream_and_message()
    {
        var result = Parse(
            """{"stack":"web","instance":"web-1","rack":"r1","message":"a"}""",
            """{"stack":"web","instance":"web-1","rack":"r1","message":"b","stream":"stderr"}""",
            """{"stack":"web","instance":"web-2","rack":"r1","message":"c"}""",
            """{"service":"web","instance":"web-2","rack":"r1","message":"d"}""");

        Assert.Null(result.Error);
        Assert.Equal(["a", "b", "c", "d"], result.Batch!.ToDrafts().Select(d => Encoding.UTF8.GetString(d.Message.Span)));
        Assert.Equal([LogStream.Stdout, LogStream.Stderr, LogStream.Stdout, LogStream.Stdout], result.Batch!.ToDrafts().Select(d => d.Stream));
        Assert.Equal(["web-1", "web-1", "web-2", "web-2"], result.Batch!.ToDrafts().Select(d => d.Instance));
        Assert.Equal([LogSourceKind.Stack, LogSourceKind.Stack, LogSourceKind.Stack, LogSourceKind.Service], result.Batch!.ToDrafts().Select(d => d.Kind));
        Assert.Same(result.Batch!.ToDrafts()[0].Source, result.Batch!.ToDrafts()[1].Source);
        Assert.Same(result.Batch!.ToDrafts()[0].Rack, result.Batch!.ToDrafts()[2].Rack);
    }

    [Fact]
    public void Messages_with_json_escapes_keep_their_own_text_though_they_are_unescaped_in_one_reused_buffer()
    {
        var longer = string.Concat(Enumerable.Repeat("say \"hi\" ", 2000));
        var result = Parse(
            $$"""{"stack":"web","instance":"web-1","rack":"r1","message":{{System.Text.Json.JsonSerializer.Serialize(longer)}}}""",
            """{"stack":"web","instance":"web-1","rack":"r1","message":"tab\there \"q\""}""",
            """{"stack":"web","instance":"web-1","rack":"r1","message":"plain"}""",
            """{"stack":"web","instance":"web-1","rack":"r1","message":"caf\u00e9"}""");

        Assert.Null(result.Error);
        Assert.Equal([longer, "tab\there \"q\"", "plain", "café"], result.Batch!.ToDrafts().Select(d => Encoding.UTF8.GetString(d.Message.Span)));
    }

    [Fact]
    public void Each_entry_keeps_its_own_source_stream_and_time_though_only_some_have_a_time()
    {
        var result = Parse(
            """{"stack":"web","instance":"web-1","rack":"r1","message":"a"}""",
            """{"service":"db","instance":"db-1","rack":"r2","message":"b","stream":"stderr","time":"2026-01-02T03:04:05Z"}""",
            """{"stack":"web","instance":"web-1","rack":"r1","message":"c","stream":"stderr"}""",
            """{"service":"db","instance":"db-1","rack":"r2","message":"d"}""");

        var drafts = result.Batch!.ToDrafts();

        Assert.Equal(["a", "b", "c", "d"], drafts.Select(d => Encoding.UTF8.GetString(d.Message.Span)));
        Assert.Equal(["web", "db", "web", "db"], drafts.Select(d => d.Source));
        Assert.Equal(["r1", "r2", "r1", "r2"], drafts.Select(d => d.Rack));
        Assert.Equal([LogStream.Stdout, LogStream.Stderr, LogStream.Stderr, LogStream.Stdout], drafts.Select(d => d.Stream));
        Assert.Equal([null, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), null, null], drafts.Select(d => d.SourceTime));
        Assert.Equal(2, result.Batch.Sources.Count);
    }

    [Theory]
    [InlineData("a\\ud800b", "a\ufffdb")]
    [InlineData("\\udc00", "\ufffd")]
    [InlineData("\\ud800\\ud800", "\ufffd\ufffd")]
    [InlineData("\\ud800\\n\\\"q\\\" \\ud83d\\ude00 \\u00e9\\/\\\\", "\ufffd\\x0a\"q\" \U0001F600 é/\\")]
    public void An_unpaired_surrogate_escape_in_a_message_is_stored_as_the_replacement_character(string json, string stored)
    {
        var result = Parse($$"""{"stack":"web","instance":"web-1","rack":"r1","message":"{{json}}"}""");

        Assert.Null(result.Error);
        Assert.Equal(stored, Encoding.UTF8.GetString(result.Batch!.ToDrafts().Single().Message.Span));
    }

    [Theory]
    [InlineData("""{"stack":"web","instance":"web-1","rack":"r1","message":"b","stream":"stdin"}""", "entries[1].stream")]
    [InlineData("""{"stack":"web","instance":"web-1","rack":"r9","message":"b"}""", "entries[1].rack")]
    [InlineData("""{"stack":"web","service":"web","instance":"web-1","rack":"r1","message":"b"}""", "entries[1].stack")]
    [InlineData("""{"stack":"web","instance":"web-1","rack":"r1","messageBase64":"!!"}""", "entries[1].messageBase64")]
    [InlineData("""{"stack":"web","instance":"web-1","rack":"r1","message":"b","messageBase64":"YQ=="}""", "entries[1].message")]
    [InlineData("""{"stack":"web","instance":"web-1","rack":"r1"}""", "entries[1].message")]
    public void A_later_entry_with_the_same_names_is_still_checked_and_named(string second, string field)
    {
        var result = Parse("""{"stack":"web","instance":"web-1","rack":"r1","message":"a"}""", second);

        Assert.Equal(field, result.Field);
        Assert.Contains("entries[1]", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void With_an_ingest_token_a_repeated_entry_may_leave_the_rack_out_but_not_name_another()
    {
        var ok = ParseWithToken("r2", """{"stack":"web","instance":"w","message":"a"}""", """{"stack":"web","instance":"w","message":"b"}""");
        var other = ParseWithToken("r2", """{"stack":"web","instance":"w","message":"a"}""", """{"stack":"web","instance":"w","rack":"r1","message":"b"}""");

        Assert.Equal(["r2", "r2"], ok.Batch!.ToDrafts().Select(d => d.Rack));
        Assert.Equal("entries[1].rack", other.Field);
    }

    private static LogIngestParseResult Parse(params string[] lines) => ParseWithToken(null, lines);

    /// <summary>Parses the lines from a pooled buffer, as meshd does (the parse takes the buffer over).</summary>
    private static LogIngestParseResult ParseWithToken(string? tokenRack, params string[] lines)
    {
        var body = Encoding.UTF8.GetBytes(string.Join('\n', lines));
        var pooled = ArrayPool<byte>.Shared.Rent(body.Length);
        body.CopyTo(pooled, 0);
        return LogIngestParser.Parse(pooled, body.Length, tokenRack, Racks);
    }
}
