using System.Globalization;

namespace Widemesh.Logs.Benchmarks;

/// <summary>Runs the three log benchmarks of issue 5 and prints their rows for docs/benchmarks.md.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var options = BenchOptions.Parse(args);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        var work = Path.Combine(Path.GetTempPath(), "widemesh-logs-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        try
        {
            var ingest = await IngestBenchmark.RunAsync(work, options.IngestMegabytes, stop.Token);
            var query = await QueryBenchmark.RunAsync(work, options.StoreMegabytes, stop.Token);
            var follow = await FollowBenchmark.RunAsync(work, options.FollowSamples, stop.Token);
            Print(options, ingest, query, follow);
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static void Print(BenchOptions options, IngestResult ingest, QueryResult query, FollowResult follow)
    {
        var culture = CultureInfo.InvariantCulture;
        var cat = IngestResult.MegabytesPerSecond(ingest.Bytes, ingest.Cat);
        var local = IngestResult.MegabytesPerSecond(ingest.Bytes, ingest.InProcess);
        var http = IngestResult.MegabytesPerSecond(ingest.Bytes, ingest.Http);
        var catRead = IngestResult.MegabytesPerSecond(query.StoreBytes, query.Cat);
        var queryRead = IngestResult.MegabytesPerSecond(query.StoreBytes, query.Query);
        Console.WriteLine(string.Create(culture, $"options: ingest {options.IngestMegabytes} MB, store {options.StoreMegabytes} MB, follow samples {options.FollowSamples}"));
        Console.WriteLine("| benchmark | Widemesh | baseline (cat, same run) | ratio | target |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        Console.WriteLine(string.Create(culture, $"| ingest, in-process (local rack path), {ingest.Bytes / 1_000_000} MB of lines | {local:F0} MB/s | cat to a file: {cat:F0} MB/s | {local / cat:F2}× | ≥ 0.3× |"));
        Console.WriteLine(string.Create(culture, $"| ingest, HTTP NDJSON batches of 1 MiB of lines, 4 senders | {http:F0} MB/s of lines | cat to a file: {cat:F0} MB/s | {http / cat:F2}× | ≥ 0.3× |"));
        Console.WriteLine(string.Create(culture, $"| `since=1h` over a full store ({query.StoreBytes / 1_000_000} MB, {query.Lines:N0} lines), HTTP NDJSON read to the end | {queryRead:F0} MB/s of segments ({query.ResponseBytes / 1_000_000} MB NDJSON) | cat of the segments into a pipe: {catRead:F0} MB/s | {queryRead / catRead:F2}× | ≥ 0.5× |"));
        Console.WriteLine(string.Create(culture, $"| `since=1h`: first line | {query.FirstLine.TotalMilliseconds:F1} ms | – | – | ≤ 50 ms |"));
        Console.WriteLine(string.Create(culture, $"| follow latency, HTTP ingest → HTTP follower ({follow.Samples} lines) | p50 {follow.P50Milliseconds:F2} ms, p99 {follow.P99Milliseconds:F2} ms, max {follow.MaxMilliseconds:F1} ms | – | – | p99 ≤ 50 ms |"));
    }
}
