using System.Diagnostics;

namespace Widemesh.Benchmarks;

/// <summary>Runs <c>requests</c> calls split over <c>workers</c> concurrent loops and records each latency.</summary>
internal static class LoadLoop
{
    public static async Task<LoadResult> RunAsync(string name, int requests, int workers, Func<int, CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        var latencies = new double[requests];
        var next = -1;
        var total = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, workers).Select(_ => Task.Run(
            async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < requests)
                {
                    var started = Stopwatch.GetTimestamp();
                    await call(i, cancellationToken);
                    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
            },
            cancellationToken));
        await Task.WhenAll(loops);
        return new LoadResult(name, requests, workers, total.Elapsed, latencies);
    }
}
