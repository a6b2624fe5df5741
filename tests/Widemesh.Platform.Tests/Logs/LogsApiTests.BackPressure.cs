using System.Net;
using System.Text;

namespace Widemesh.Platform.Tests.Logs;

public sealed partial class LogsApiTests
{
    [Fact]
    public Task A_full_write_queue_answers_503_with_retry_after_and_stores_nothing_of_that_batch() =>
        AssertFullQueueRefusesTheBatchAsync((host, token, message) => SendAsync(host, token, message, Cancellation));

    /// <summary>
    /// With the writer stalled on one batch and a queue of one holding the next, a third batch is refused with 503 and
    /// Retry-After, and nothing of it is stored; the first two are stored once the writer goes on.
    /// </summary>
    private async Task AssertFullQueueRefusesTheBatchAsync(Func<LogsApiHost, string, string, Task<HttpResponseMessage>> send)
    {
        using var clock = new GatedTimeProvider();
        _host = await LogsApiHost.StartAsync(o => o with { QueueCapacity = 1, IngestQueueWait = TimeSpan.FromMilliseconds(200) }, clock, Cancellation);
        var host = _host;
        var token = await MintAsync(host, "shop", "r1", Cancellation);
        clock.Close();

        var stalled = send(host, token, "first");
        await clock.Waiting.WaitAsync(TimeSpan.FromSeconds(10), Cancellation);
        var queued = send(host, token, "second");

        // The queued batch cannot be seen from outside; this gives its request time to reach the queue.
        await Task.Delay(150, Cancellation);
        using var refused = await send(host, token, "third");
        var problem = await refused.Content.ReadAsStringAsync(Cancellation);
        clock.Open();
        using var first = await stalled;
        using var second = await queued;
        using var read = await host.Client.SendAsync(host.Request(HttpMethod.Get, "/v1/environments/shop/logs"), Cancellation);
        var lines = await LinesAsync(read, Cancellation);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Contains("Retry-After", problem, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(["first", "second"], lines.Select(l => l.GetProperty("message").GetString()));
    }

    private static Task<HttpResponseMessage> SendAsync(LogsApiHost host, string token, string message, CancellationToken cancellationToken) =>
        host.Client.SendAsync(
            host.Request(HttpMethod.Post, "/v1/environments/shop/logs", token, new StringContent($$"""{"stack":"web","instance":"web-1","message":"{{message}}"}""", Encoding.UTF8, "application/x-ndjson")),
            cancellationToken);
}
