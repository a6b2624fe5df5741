using Widemesh.Platform.Apis;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts.Logs;

namespace Widemesh.Platform.Tests.Logs;

public sealed partial class LogsApiTests
{
    // https://github.com/widemesh/widemesh/issues/5: "oldest line is N minutes old" was said for a brand-new environment.
    [Fact]
    public async Task A_young_environment_says_nothing_was_dropped_so_clients_do_not_claim_a_retention_cut()
    {
        var host = await CreateSutAsync(null, Cancellation);
        await host.Store.AppendAsync(LogsApiHost.Shop.Id, Some.Batch(3, "young"), Cancellation);
        using var client = CreateClient(host);

        using var read = await host.Client.SendAsync(host.Request(HttpMethod.Get, "/v1/environments/shop/logs?since=1h"), Cancellation);
        using var empty = await host.Client.SendAsync(host.Request(HttpMethod.Get, "/v1/environments/blog/logs?since=1h"), Cancellation);
        using var stream = await client.OpenLogStreamAsync("shop", new LogQueryOptions { Since = TimeSpan.FromHours(1) }, Cancellation);

        Assert.Equal("false", read.Headers.GetValues(LogsApi.DroppedHeader).Single());
        Assert.Equal("false", empty.Headers.GetValues(LogsApi.DroppedHeader).Single());
        Assert.False(stream.Dropped);
        Assert.NotNull(stream.Oldest);
    }

    [Fact]
    public async Task Once_retention_cut_the_oldest_lines_the_answer_says_lines_were_dropped()
    {
        var host = await CreateSutAsync(o => o with { SegmentBytes = 4 * 1024, MaxBytesPerEnvironment = 16 * 1024 }, Cancellation);
        for (var i = 0; i < 40; i++)
        {
            await host.Store.AppendAsync(LogsApiHost.Shop.Id, Some.Batch(4, new string('x', 200)), Cancellation);
        }

        host.Store.ApplyRetention();
        using var client = CreateClient(host);

        using var stream = await client.OpenLogStreamAsync("shop", new LogQueryOptions { Since = TimeSpan.FromHours(1) }, Cancellation);
        var first = await stream.ReadLinesAsync(Cancellation).FirstAsync(Cancellation);

        Assert.True(stream.Dropped);
        Assert.True(first.Seq > 1, $"the oldest kept line is seq {first.Seq}");
    }

    private static WidemeshClient CreateClient(LogsApiHost host) =>
        new(new WidemeshClientOptions { Endpoint = host.Client.BaseAddress!, Token = LogsApiHost.AccountToken });
}
