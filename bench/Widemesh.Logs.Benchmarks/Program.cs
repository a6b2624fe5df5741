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
            var ingest = options.Runs("ingest") ? await IngestBenchmark.RunAsync(work, options.IngestMegabytes, stop.Token) : null;
            var query = options.Runs("query") ? await QueryBenchmark.RunAsync(work, options.StoreMegabytes, stop.Token) : null;
            var follow = options.Runs("follow") ? await FollowBenchmark.RunAsync(work, options.FollowSamples, stop.Token) : null;
            Print(options, ingest, query, follow);
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static void Print(BenchOptions options, IngestResult? ingest, QueryResult? query, FollowResult? follow)
    {
        var culture = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(culture, $"options: ingest {options.IngestMegabytes} MB, store {options.StoreMegabytes} MB, follow samples {options.FollowSamples}{(options.Only is { } only ? $", only {only}" : "")}; medians of 5 rounds"));
        Console.WriteLine("| benchmark | Widemesh (wall / CPU) | cat, same run (wall / CPU) | ratio wall / CPU | target |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        if (ingest is not null)
        {
            var cat = ingest.Cat.Rate(ingest.Bytes);
            var local = ingest.InProcess.Rate(ingest.Bytes);
            var http = ingest.Http.Rate(ingest.Bytes);
            var text = ingest.HttpText.Rate(ingest.Bytes);
            Console.WriteLine(string.Create(culture, $"| ingest in-process (local rack path), {ingest.Bytes / 1_000_000} MB of lines | {local.Wall:F0} / {local.Cpu:F0} MB/s | to a file: {cat.Wall:F0} / {cat.Cpu:F0} MB/s | {local.Wall / cat.Wall:F2}× / {local.Cpu / cat.Cpu:F2}× | ≥ 0.3× |"));
            Console.WriteLine(string.Create(culture, $"| ingest over HTTP, NDJSON bodies of 1 MiB of lines, 4 senders | {http.Wall:F0} / {http.Cpu:F0} MB/s of lines | to a file: {cat.Wall:F0} / {cat.Cpu:F0} MB/s | {http.Wall / cat.Wall:F2}× / {http.Cpu / cat.Cpu:F2}× | ≥ 0.3× |"));
            Console.WriteLine(string.Create(culture, $"| ingest over HTTP, text/plain bodies of 1 MiB of lines, 4 senders | {text.Wall:F0} / {text.Cpu:F0} MB/s of lines | to a file: {cat.Wall:F0} / {cat.Cpu:F0} MB/s | {text.Wall / cat.Wall:F2}× / {text.Cpu / cat.Cpu:F2}× | ≥ 0.3× |"));
        }

        if (query is not null)
        {
            var catRead = query.Cat.Rate(query.StoreBytes);
            var read = query.Query.Rate(query.StoreBytes);
            Console.WriteLine(string.Create(culture, $"| `since=1h` over a full store ({query.StoreBytes / 1_000_000} MB, {query.Lines:N0} lines) read to the end over HTTP | {read.Wall:F0} / {read.Cpu:F0} MB/s of segments ({query.ResponseBytes / 1_000_000} MB of NDJSON) | piped to `wc -c`: {catRead.Wall:F0} / {catRead.Cpu:F0} MB/s | {read.Wall / catRead.Wall:F2}× / {read.Cpu / catRead.Cpu:F2}× | ≥ 0.5× |"));
            Console.WriteLine(string.Create(culture, $"| `since=1h`: first line | {query.FirstLine.TotalMilliseconds:F1} ms | – | – | ≤ 50 ms |"));
        }

        if (follow is not null)
        {
            Console.WriteLine(string.Create(culture, $"| follow latency, HTTP ingest → HTTP follower ({follow.Samples} lines) | p50 {follow.P50Milliseconds:F2} ms, p99 {follow.P99Milliseconds:F2} ms, max {follow.MaxMilliseconds:F1} ms | – | – | p99 ≤ 50 ms |"));
        }
    }
}
