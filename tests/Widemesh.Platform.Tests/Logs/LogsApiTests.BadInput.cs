using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Widemesh.Platform.Tests.Logs;

public sealed partial class LogsApiTests
{
    [Fact]
    public async Task A_body_that_is_not_json_is_refused_as_malformed()
    {
        var host = await CreateSutAsync(null, Cancellation);

        var notJson = await PostAsync(host, "shop", LogsApiHost.AccountToken, "this is not json", Cancellation);
        var unclosed = await PostAsync(host, "shop", LogsApiHost.AccountToken, """[{"rack":"r1","stack":"web","instance":"web-1","message":"x"}""", Cancellation);
        var problem = await notJson.Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unclosed.StatusCode);
        Assert.Equal("https://widemesh.dev/problems/malformed-body", problem.GetProperty("type").GetString());
        Assert.Contains("messageBase64", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_utf8_inside_a_message_is_stored_escaped_as_hex_also_next_to_json_escapes()
    {
        var host = await CreateSutAsync(null, Cancellation);
        byte[] raw = [.. """{"rack":"r1","stack":"web","instance":"web-1","message":"bad """u8, 0xFF, 0xFE, .. " café\"}"u8];
        byte[] escaped = [.. """{"rack":"r1","stack":"web","instance":"web-1","message":"bad """u8, 0xFF, .. @" caf\u00e9\n""}"u8];

        var ingest = await PostAsync(host, "shop", LogsApiHost.AccountToken, new ByteArrayContent(raw), Cancellation);
        var mixed = await PostAsync(host, "shop", LogsApiHost.AccountToken, new ByteArrayContent(escaped), Cancellation);
        using var read = await host.Client.SendAsync(host.Request(HttpMethod.Get, "/v1/environments/shop/logs"), Cancellation);
        var lines = await LinesAsync(read, Cancellation);

        Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
        Assert.Equal(HttpStatusCode.OK, mixed.StatusCode);
        Assert.Equal(["bad \\xff\\xfe café", "bad \\xff café\\x0a"], lines.Select(l => l.GetProperty("message").GetString()));
    }

    [Theory]
    [InlineData("""{"rack":"r1","instance":"web-1","message":"x"}""", "entries[0].stack")]
    [InlineData("""{"rack":"r1","stack":"Web!","instance":"web-1","message":"x"}""", "entries[0].stack")]
    [InlineData("""{"rack":"r1","stack":"web","message":"x"}""", "entries[0].instance")]
    [InlineData("""{"rack":"r1","stack":"web","instance":"web-1","stream":"stdin","message":"x"}""", "entries[0].stream")]
    [InlineData("""{"rack":"r1","stack":"web","instance":"web-1"}""", "entries[0].message")]
    [InlineData("""{"rack":"r1","stack":"web","instance":"web-1","messageBase64":"%%%"}""", "entries[0].messageBase64")]
    public async Task An_entry_that_breaks_a_rule_is_refused_naming_its_field(string entry, string field)
    {
        var host = await CreateSutAsync(null, Cancellation);

        var response = await PostAsync(host, "shop", LogsApiHost.AccountToken, entry, Cancellation);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Binary_bytes_are_stored_escaped_and_long_lines_come_back_as_continuations()
    {
        var host = await CreateSutAsync(null, Cancellation);
        var binary = Convert.ToBase64String([.. "pic "u8, 0x89, 0x50, 0x00, 0xFF]);
        var longLine = new string('y', 150_000);
        var body = JsonSerializer.Serialize(new object[]
        {
            new { rack = "r1", stack = "web", instance = "web-1", messageBase64 = binary },
            new { rack = "r1", stack = "web", instance = "web-1", message = longLine },
        });

        var ingest = await PostAsync(host, "shop", LogsApiHost.AccountToken, body, Cancellation);
        using var read = await host.Client.SendAsync(host.Request(HttpMethod.Get, "/v1/environments/shop/logs"), Cancellation);
        var lines = await LinesAsync(read, Cancellation);

        Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
        Assert.Equal("pic \\x89P\\x00\\xff", lines[0].GetProperty("message").GetString());
        Assert.Equal(4, lines.Count);
        Assert.False(lines[1].TryGetProperty("continuation", out _));
        Assert.True(lines[2].GetProperty("continuation").GetBoolean());
        Assert.Equal(longLine, string.Concat(lines.Skip(1).Select(l => l.GetProperty("message").GetString())));
    }

    [Fact]
    public async Task Quotes_backslashes_tabs_and_non_ascii_text_come_back_unchanged()
    {
        var host = await CreateSutAsync(null, Cancellation);
        const string message = "say \"hi\" to C:\\temp\tnow: naïve 日本 🚀";
        var body = JsonSerializer.Serialize(new[] { new { rack = "r1", stack = "web", instance = "web-1", message } });

        var ingest = await PostAsync(host, "shop", LogsApiHost.AccountToken, body, Cancellation);
        using var read = await host.Client.SendAsync(host.Request(HttpMethod.Get, "/v1/environments/shop/logs"), Cancellation);
        var lines = await LinesAsync(read, Cancellation);

        Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
        Assert.Equal(message, lines.Single().GetProperty("message").GetString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_batch_far_larger_than_the_servers_default_body_limit_is_accepted(bool chunked)
    {
        var host = await CreateSutAsync(null, Cancellation);
        var entry = $$"""{"rack":"r1","stack":"web","instance":"web-1","message":"{{new string('q', 1000)}}"}""";
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', Enumerable.Repeat(entry, 2000)))));
        using var request = host.Request(HttpMethod.Post, "/v1/environments/shop/logs", LogsApiHost.AccountToken, content);

        // Without a Content-Length (chunked), meshd cannot size its buffer up front and grows it as the body arrives.
        request.Headers.TransferEncodingChunked = chunked;
        var response = await host.Client.SendAsync(request, Cancellation);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2000, accepted.GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_as_too_large()
    {
        var host = await CreateSutAsync(o => o with { MaxIngestBodyBytes = 64 * 1024 }, Cancellation);
        var entry = $$"""{"rack":"r1","stack":"web","instance":"web-1","message":"{{new string('q', 1000)}}"}""";
        var body = string.Join('\n', Enumerable.Repeat(entry, 100));

        var response = await PostAsync(host, "shop", LogsApiHost.AccountToken, body, Cancellation);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
