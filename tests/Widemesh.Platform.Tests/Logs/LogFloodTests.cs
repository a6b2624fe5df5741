using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Widemesh.Platform.Logs;

namespace Widemesh.Platform.Tests.Logs;

/// <summary>
/// The flood (5 GB into a 500 MB store) scaled down by 25 so it runs in seconds: 200 MB into a 20 MB limit
/// with 1 MiB segments. The disk must stay within the limit plus one segment, memory must not grow with what was
/// written, and queries must keep answering during the flood.
/// </summary>
[Collection(nameof(LogFloodCollection))]
public sealed class LogFloodTests
{
    [Fact]
    public async Task A_flood_keeps_disk_within_limit_plus_one_segment_and_memory_bounded()
    {
        var cancellation = TestContext.Current.CancellationToken;
        const long limit = 20_000_000;
        const long segment = 1024 * 1024;
        const long total = 200_000_000;
        using var directory = new LogTestDirectory();
        var options = new LogStoreOptions { Directory = directory.Path, MaxBytesPerEnvironment = limit, SegmentBytes = segment };
        await using var store = new LogStore(options, TimeProvider.System, NullLogger<LogStore>.Instance);
        var ingestor = new LogIngestor(store);
        var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 5000).Select(i => $"GET /items/{i} 200 {new string('p', 180)}\n")));
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peakMemory = 0;
        long peakDisk = 0;
        var slowestQuery = TimeSpan.Zero;

        for (long written = 0; written < total; written += chunk.Length)
        {
            await ingestor.AppendOutputAsync(Some.EnvironmentId, Some.Web(), LogStream.Stdout, chunk, cancellation);
            peakMemory = Math.Max(peakMemory, GC.GetTotalMemory(forceFullCollection: false) - baseline);
            if (written / chunk.Length % 10 == 0)
            {
                peakDisk = Math.Max(peakDisk, directory.SizeOf(Some.EnvironmentId));
                var timer = Stopwatch.StartNew();
                await foreach (var entry in store.QueryAsync(Some.EnvironmentId, new LogQuery { Since = DateTimeOffset.UtcNow.AddSeconds(-1) }, cancellation))
                {
                    break;
                }

                slowestQuery = TimeSpan.FromTicks(Math.Max(slowestQuery.Ticks, timer.Elapsed.Ticks));
            }
        }

        var range = await store.DescribeAsync(Some.EnvironmentId, cancellation);
        var retained = GC.GetTotalMemory(forceFullCollection: true) - baseline;

        Assert.True(peakDisk <= limit + segment, $"disk use reached {peakDisk} bytes");
        Assert.True(directory.SizeOf(Some.EnvironmentId) <= limit + segment);
        Assert.True(peakMemory < 120_000_000, $"managed memory grew by {peakMemory} bytes while writing {total}");
        Assert.True(retained < 16_000_000, $"{retained} bytes stayed in memory after the flood");
        Assert.True(slowestQuery < TimeSpan.FromSeconds(2), $"a query took {slowestQuery} during the flood");
        Assert.True(range.LastSequence >= total / chunk.Length * 5000);
    }
}
