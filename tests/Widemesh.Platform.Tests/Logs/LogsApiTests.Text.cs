using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Widemesh.Platform.Tests.Logs;

/// <summary>The text/plain form of log ingest: raw lines of one source, named in the query.</summary>
public sealed partial class LogsApiTests
{
    [Fact]
    public async Task Raw_lines_sent_as_text_are_read_back_in_order_with_their_source_stream_and_rack()
    {
        var host = await CreateSutAsync(null, Cancellation);
        var token = await MintAsync(host, "shop", "r2", Cancellation);

        var ingest = await PostTextAsync(host, token, "service=db&instance=db-1&stream=stderr", "one\ntwo\nthree\n"u8.ToArray(), Cancellation);
        var accepted = await ingest.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        var lines = await ReadAllAsync(host, Cancellation);

        Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
        Assert.Equal(3, accepted.GetProperty("accepted").GetInt32());
        Assert.Equal(3, accepted.GetProperty("stored").GetInt64());
        Assert.Equal(1, accepted.GetProperty("firstSequence").GetInt64());
        Assert.Equal(3, accepted.GetProperty("lastSequence").GetInt64());
        Assert.Equal(["one", "two", "three"], lines.Select(l => l.GetProperty("message").GetString()));
        Assert.Equal([1L, 2L, 3L], lines.Select(l => l.GetProperty("seq").GetInt64()));
        Assert.All(lines, l => Assert.Equal("db", l.GetProperty("service").GetString()));
        Assert.All(lines, l => Assert.Equal("db-1", l.GetProperty("instance").GetString()));
        Assert.All(lines, l => Assert.Equal("stderr", l.GetProperty("stream").GetString()));
        Assert.All(lines, l => Assert.Equal("r2", l.GetProperty("rack").GetString()));
        Assert.All(lines, l => Assert.False(l.TryGetProperty("stack", out _)));
    }

    [Fact]
    public async Task An_account_token_sends_text_for_a_rack_of_its_environment_with_any_charset_and_stdout_by_default()
    {
        var host = await CreateSutAsync(null, Cancellation);
        var content = new ByteArrayContent("GET / 200\n"u8.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("Text/Plain; charset=iso-8859-1");

        var ingest = await PostAsync(host, "shop", LogsApiHost.AccountToken, "stack=web&instance=web-1&rack=r1", content, Cancellation);
        var line = (await ReadAllAsync(host, Cancellation)).Single();

        Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
        Assert.Equal("GET / 200", line.GetProperty("message").GetString());
        Assert.Equal("web", line.GetProperty("stack").GetString());
        Assert.Equal("r1", line.GetProperty("rack").GetString());
        Assert.Equal("stdout", line.GetProperty("stream").GetString());
    }

    [Fact]
    public async Task Crlf_endings_are_trimmed_and_a_missing_final_newline_still_ends_the_last_line()
    {
        var host = await CreateSutAsync(null, Cancellation);
        var token = await MintAsync(host, "shop", "r1", Cancellation);

        var ingest = await PostTextAsync(host, token, "stack=web&instance=web-1", "first\r\n\r\nsecond\r\nlast"u8.ToArray(), Cancellation);
        var lines = await ReadAllAsync(host, Cancellation);

        Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
        Assert.Equal(["first", "", "second", "last"], lines.Select(l => l.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Invalid_utf8_and_control_bytes_in_text_are_stored_escaped_as_hex()
    {
        var host = await CreateSutAsync(null, Cancellation);
        var token = await MintAsync(host, "shop", "r1", Cancellation);
        byte[] body = [.. "ok "u8, 0xFF, 0xC3, .. " bell"u8, 0x07, .. " tab\tend café\n"u8, 0x00, 0x1B, .. "[31mred\n"u8];

        var ingest = await PostTextAsync(host, token, "stack=web&instance=web-1", body, Cancellation);
        var lines = await ReadAllAsync(host, Cancellation);

        Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
        Assert.Equal(["ok \\xff\\xc3 bell\\x07 tab\tend café", "\\x00\\x1b[31mred"], lines.Select(l => l.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task A_text_line_longer_than_64_KiB_comes_back_as_continuations_and_counts_once_per_piece()
    {
        var host = await CreateSutAsync(null, Cancellation);
        var token = await MintAsync(host, "shop", "r1", Cancellation);
        var longLine = new string('y', 150_000);

        var ingest = await PostTextAsync(host, token, "stack=web&instance=web-1", Encoding.UTF8.GetBytes(longLine + "\nafter\n"), Cancellation);
        var accepted = await ingest.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        var lines = await ReadAllAsync(host, Cancellation);

        Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
        Assert.Equal(4, accepted.GetProperty("accepted").GetInt32());
        Assert.Equal(4, lines.Count);
        Assert.False(lines[0].TryGetProperty("continuation", out _));
        Assert.True(lines[1].GetProperty("continuation").GetBoolean());
        Assert.True(lines[2].GetProperty("continuation").GetBoolean());
        Assert.Equal(longLine, string.Concat(lines.Take(3).Select(l => l.GetProperty("message").GetString())));
        Assert.Equal("after", lines[3].GetProperty("message").GetString());
        Assert.False(lines[3].TryGetProperty("continuation", out _));
    }

    [Fact]
    public async Task An_ingest_token_sends_text_only_for_its_environment_and_rack()
    {
        var host = await CreateSutAsync(null, Cancellation);
        var token = await MintAsync(host, "shop", "r1", Cancellation);

        var sameRack = await PostTextAsync(host, token, "stack=web&instance=web-1&rack=r1", "x"u8.ToArray(), Cancellation);
        var otherRack = await PostTextAsync(host, token, "stack=web&instance=web-1&rack=r2", "x"u8.ToArray(), Cancellation);
        var otherEnvironment = await PostTextAsync(host, "blog", token, "stack=web&instance=web-1", "x"u8.ToArray(), Cancellation);
        var unknown = await PostTextAsync(host, "wml_" + new string('0', 64), "stack=web&instance=web-1", "x"u8.ToArray(), Cancellation);
        var anonymous = await PostTextAsync(host, null, "stack=web&instance=web-1&rack=r1", "x"u8.ToArray(), Cancellation);
        var problem = await otherRack.Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        Assert.Equal(HttpStatusCode.OK, sameRack.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherRack.StatusCode);
        Assert.Equal("rack", problem.GetProperty("field").GetString());
        Assert.Contains("rack 'r1' only", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, otherEnvironment.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.DoesNotContain(token, await otherEnvironment.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Single(await ReadAllAsync(host, Cancellation));
    }

    [Fact]
    public async Task An_account_token_without_a_rack_is_refused_naming_rack_and_the_choices()
    {
        var host = await CreateSutAsync(null, Cancellation);

        var withoutRack = await PostTextAsync(host, LogsApiHost.AccountToken, "stack=web&instance=web-1", "x"u8.ToArray(), Cancellation);
        var unknownRack = await PostTextAsync(host, LogsApiHost.AccountToken, "stack=web&instance=web-1&rack=r9", "x"u8.ToArray(), Cancellation);
        var problem = await withoutRack.Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, withoutRack.StatusCode);
        Assert.Equal("rack", problem.GetProperty("field").GetString());
        Assert.Equal("https://widemesh.dev/problems/validation", problem.GetProperty("type").GetString());
        Assert.Contains("r1, r2", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknownRack.StatusCode);
    }

    [Theory]
    [InlineData("stack=web", "instance", "instance must be 1 to 128")]
    [InlineData("stack=web&instance=", "instance", "instance must be 1 to 128")]
    [InlineData("stack=web&instance=web%201", "instance", "such as 'web-1'")]
    [InlineData("instance=web-1", "stack", "either 'stack' or 'service'")]
    [InlineData("stack=web&service=db&instance=web-1", "stack", "either 'stack' or 'service'")]
    [InlineData("stack=Web!&instance=web-1", "stack", "stack 'Web!'")]
    [InlineData("service=9db&instance=db-1", "service", "service '9db'")]
    [InlineData("stack=web&instance=web-1&stream=stdin", "stream", "use 'stdout' or 'stderr'")]
    public async Task Text_with_a_query_parameter_that_breaks_a_rule_is_refused_naming_the_parameter(string query, string field, string rule)
    {
        var host = await CreateSutAsync(null, Cancellation);
        var token = await MintAsync(host, "shop", "r1", Cancellation);

        var response = await PostTextAsync(host, token, query, "x\n"u8.ToArray(), Cancellation);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Contains(rule, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await ReadAllAsync(host, Cancellation));
    }

    [Fact]
    public async Task An_empty_text_body_is_refused_naming_the_body()
    {
        var host = await CreateSutAsync(null, Cancellation);
        var token = await MintAsync(host, "shop", "r1", Cancellation);

        var response = await PostTextAsync(host, token, "stack=web&instance=web-1", [], Cancellation);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("body", problem.GetProperty("field").GetString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_text_body_over_the_limit_is_refused_as_too_large_and_stores_nothing(bool chunked)
    {
        var host = await CreateSutAsync(o => o with { MaxIngestBodyBytes = 64 * 1024 }, Cancellation);
        var token = await MintAsync(host, "shop", "r1", Cancellation);
        var body = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(new string('q', 99) + "\n", 1000)));

        var response = await PostTextAsync(host, token, "stack=web&instance=web-1", body, chunked, Cancellation);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await ReadAllAsync(host, Cancellation));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_text_body_of_megabytes_is_accepted_whole_with_or_without_a_content_length(bool chunked)
    {
        var host = await CreateSutAsync(null, Cancellation);
        var token = await MintAsync(host, "shop", "r1", Cancellation);
        var body = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 30_000).Select(i => $"line {i:D6} {new string('z', 80)}\n")));

        var response = await PostTextAsync(host, token, "stack=web&instance=web-1", body, chunked, Cancellation);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        using var read = await host.Client.SendAsync(host.Request(HttpMethod.Get, "/v1/environments/shop/logs?since=1h&filter=line%20029999"), Cancellation);
        var last = (await LinesAsync(read, Cancellation)).Single();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(30_000, accepted.GetProperty("accepted").GetInt32());
        Assert.Equal(30_000, last.GetProperty("seq").GetInt64());
    }

    [Fact]
    public Task A_full_write_queue_answers_503_with_retry_after_to_text_and_stores_nothing_of_it() =>
        AssertFullQueueRefusesTheBatchAsync((host, token, message) => PostTextAsync(host, token, "stack=web&instance=web-1", Encoding.UTF8.GetBytes(message + "\n"), Cancellation));

    private static Task<HttpResponseMessage> PostTextAsync(LogsApiHost host, string? token, string query, byte[] body, CancellationToken cancellationToken) =>
        PostTextAsync(host, "shop", token, query, body, chunked: false, cancellationToken);

    private static Task<HttpResponseMessage> PostTextAsync(LogsApiHost host, string environment, string? token, string query, byte[] body, CancellationToken cancellationToken) =>
        PostTextAsync(host, environment, token, query, body, chunked: false, cancellationToken);

    private static Task<HttpResponseMessage> PostTextAsync(LogsApiHost host, string? token, string query, byte[] body, bool chunked, CancellationToken cancellationToken) =>
        PostTextAsync(host, "shop", token, query, body, chunked, cancellationToken);

    private static Task<HttpResponseMessage> PostTextAsync(
        LogsApiHost host, string environment, string? token, string query, byte[] body, bool chunked, CancellationToken cancellationToken)
    {
        // A stream has no length of its own, so with chunked the client sends no Content-Length.
        HttpContent content = chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        var request = host.Request(HttpMethod.Post, $"/v1/environments/{environment}/logs?{query}", token, content);
        request.Headers.TransferEncodingChunked = chunked;
        return host.Client.SendAsync(request, cancellationToken);
    }

    private static Task<HttpResponseMessage> PostAsync(LogsApiHost host, string environment, string? token, string query, HttpContent content, CancellationToken cancellationToken) =>
        host.Client.SendAsync(host.Request(HttpMethod.Post, $"/v1/environments/{environment}/logs?{query}", token, content), cancellationToken);

    private static async Task<List<JsonElement>> ReadAllAsync(LogsApiHost host, CancellationToken cancellationToken)
    {
        using var read = await host.Client.SendAsync(host.Request(HttpMethod.Get, "/v1/environments/shop/logs?since=1h"), cancellationToken);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        return await LinesAsync(read, cancellationToken);
    }
}
