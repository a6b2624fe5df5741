using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Widemesh.Platform.Tests.Logs;

public sealed partial class LogsApiTests
{
    [Fact]
    public async Task A_quiet_follow_writes_a_heartbeat_line_every_interval()
    {
        var host = await CreateSutAsync(null, Cancellation);
        using var follow = await OpenFollowAsync(host, "since=1m&heartbeat=1s", Cancellation);
        using var reader = new StreamReader(await follow.Content.ReadAsStreamAsync(Cancellation));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var started = Stopwatch.StartNew();

        var first = await reader.ReadLineAsync(timeout.Token);
        var second = await reader.ReadLineAsync(timeout.Token);

        foreach (var line in new[] { first, second })
        {
            var beat = JsonDocument.Parse(line!).RootElement;
            Assert.Single(beat.EnumerateObject());
            Assert.EndsWith("Z", beat.GetProperty("heartbeat").GetString(), StringComparison.Ordinal);
        }

        Assert.InRange(started.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task Lines_hidden_by_the_filter_do_not_postpone_the_heartbeat()
    {
        var host = await CreateSutAsync(null, Cancellation);
        var token = await MintAsync(host, "shop", "r1", Cancellation);
        using var follow = await OpenFollowAsync(host, "since=1m&heartbeat=1s&filter=never-written", Cancellation);
        using var reader = new StreamReader(await follow.Content.ReadAsStreamAsync(Cancellation));
        var reading = reader.ReadLineAsync(Cancellation).AsTask();

        for (var i = 0; i < 12 && !reading.IsCompleted; i++)
        {
            await SendLinesAsync(host, token, i, 1, Cancellation);
            await Task.Delay(250, Cancellation);
        }

        var line = await reading.WaitAsync(TimeSpan.FromSeconds(5), Cancellation);
        Assert.StartsWith("{\"heartbeat\":", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("since=1m", "5")]
    [InlineData("since=1m&heartbeat=2s", "2")]
    [InlineData("since=1m&heartbeat=off", null)]
    public async Task A_follow_announces_its_heartbeat_interval_so_clients_time_out_only_what_sends_heartbeats(string query, string? announced)
    {
        var host = await CreateSutAsync(null, Cancellation);

        using var follow = await OpenFollowAsync(host, query, Cancellation);
        using var once = await host.Client.SendAsync(host.Request(HttpMethod.Get, "/v1/environments/shop/logs?since=1m"), Cancellation);

        Assert.Equal(announced, follow.Headers.TryGetValues("X-Widemesh-Logs-Heartbeat", out var values) ? values.Single() : null);
        Assert.False(once.Headers.Contains("X-Widemesh-Logs-Heartbeat"));
    }

    [Theory]
    [InlineData("0s")]
    [InlineData("10m")]
    [InlineData("soon")]
    public async Task A_bad_heartbeat_is_a_400_naming_the_field(string heartbeat)
    {
        var host = await CreateSutAsync(null, Cancellation);

        using var response = await host.Client.SendAsync(host.Request(HttpMethod.Get, $"/v1/environments/shop/logs?follow=true&heartbeat={heartbeat}"), Cancellation);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation)).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("heartbeat", problem.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("1s to 5m", problem.GetRawText(), StringComparison.Ordinal);
    }
}
