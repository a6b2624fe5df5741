using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Widemesh.Platform.Tests.Logs;

public sealed partial class LogsApiTests
{
    [Fact]
    public async Task Follow_streams_live_lines_and_a_reconnect_with_the_cursor_loses_and_repeats_nothing()
    {
        var host = await CreateSutAsync(null, Cancellation);
        var token = await MintAsync(host, "shop", "r1", Cancellation);
        await SendLinesAsync(host, token, 0, 5, Cancellation);
        var seen = new List<long>();

        using (var first = await OpenFollowAsync(host, "since=1h", Cancellation))
        {
            using var reader = new StreamReader(await first.Content.ReadAsStreamAsync(Cancellation));
            await ReadLinesAsync(reader, 5, seen, Cancellation);
            await SendLinesAsync(host, token, 5, 3, Cancellation);
            await ReadLinesAsync(reader, 3, seen, Cancellation);
        }

        await SendLinesAsync(host, token, 8, 4, Cancellation);
        using var second = await OpenFollowAsync(host, "cursor=" + seen[^1].ToString(CultureInfo.InvariantCulture), Cancellation);
        using var resumed = new StreamReader(await second.Content.ReadAsStreamAsync(Cancellation));
        await ReadLinesAsync(resumed, 4, seen, Cancellation);
        await SendLinesAsync(host, token, 12, 2, Cancellation);
        await ReadLinesAsync(resumed, 2, seen, Cancellation);

        Assert.Equal(Enumerable.Range(1, 14).Select(i => (long)i), seen);
    }

    private static async Task<HttpResponseMessage> OpenFollowAsync(LogsApiHost host, string query, CancellationToken cancellationToken)
    {
        var response = await host.Client.SendAsync(
            host.Request(HttpMethod.Get, $"/v1/environments/shop/logs?follow=true&{query}"),
            HttpCompletionOption.ResponseHeadersRead,
            cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private static async Task SendLinesAsync(LogsApiHost host, string token, int from, int count, CancellationToken cancellationToken)
    {
        var lines = Enumerable.Range(from, count).Select(i => $$"""{"stack":"web","instance":"web-1","message":"line {{i}}"}""").ToArray();
        using var response = await host.Client.SendAsync(host.Request(HttpMethod.Post, "/v1/environments/shop/logs", token, Ndjson(lines)), cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task ReadLinesAsync(StreamReader reader, int count, List<long> seen, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        for (var i = 0; i < count; i++)
        {
            var line = await reader.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("the follow answer ended");
            if (line.StartsWith("{\"heartbeat\"", StringComparison.Ordinal))
            {
                i--;
                continue;
            }

            var entry = JsonDocument.Parse(line).RootElement;
            seen.Add(entry.GetProperty("seq").GetInt64());
            Assert.Equal($"line {seen.Count - 1}", entry.GetProperty("message").GetString());
        }
    }
}
