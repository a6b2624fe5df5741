using System.Diagnostics;
using Widemesh.Platform.Logs;

namespace Widemesh.Logs.Benchmarks;

/// <summary>
/// <c>since=1h</c> over a full store, read by an HTTP client to the end, against <c>cat</c> of the segment files into
/// a pipe this process reads; plus the time to the first line.
/// </summary>
internal static class QueryBenchmark
{
    public static async Task<QueryResult> RunAsync(string workDirectory, int megabytes, CancellationToken cancellationToken)
    {
        await using var host = await BenchHost.StartAsync(Path.Combine(workDirectory, "query"), megabytes * 1_000_000L, cancellationToken);
        var chunks = Enumerable.Range(0, 8).Select(LogLines.Chunk).ToArray();
        var source = new LogSourceRef("r1", LogSourceKind.Stack, "web", "web-1");
        var fill = megabytes + 8;
        for (var i = 0; i < fill; i++)
        {
            await host.Ingestor.AppendOutputAsync(BenchHost.Environment.Id, source, LogStream.Stdout, chunks[i % chunks.Length], cancellationToken);
        }

        host.Store.ApplyRetention();
        var segments = Directory.GetFiles(host.SegmentDirectory, "*.log").Order(StringComparer.Ordinal).ToList();
        var storeBytes = segments.Sum(file => new FileInfo(file).Length);
        // Two untimed full reads first, so the timed ones run tier-1 code, as a long-running meshd does.
        for (var warm = 0; warm < 2; warm++)
        {
            await QueryAsync(host, cancellationToken);
        }

        List<Measurement> cats = [], queries = [];
        List<TimeSpan> firstLines = [];
        long catBytes = 0, bytes = 0, lines = 0;
        for (var round = 0; round < 5; round++)
        {
            var (cat, catRead) = await CatBaseline.ToPipeAsync(segments, cancellationToken);
            cats.Add(cat);
            catBytes = catRead;
            (TimeSpan FirstLine, long Bytes, long Lines) answer = default;
            queries.Add(await Measurement.OfThisProcessAsync(async () => answer = await QueryAsync(host, cancellationToken), cancellationToken));
            var (firstLine, read, count) = answer;
            firstLines.Add(firstLine);
            (bytes, lines) = (read, count);
        }

        return new QueryResult(storeBytes, catBytes, Measurement.Median(cats), Measurement.Median(queries), firstLines.Order().ElementAt(2), bytes, lines);
    }

    private static async Task<(TimeSpan FirstLine, long Bytes, long Lines)> QueryAsync(BenchHost host, CancellationToken cancellationToken)
    {
        var timer = Stopwatch.StartNew();
        using var response = await host.Client.GetAsync(
            $"/v1/environments/{BenchHost.Environment.Name}/logs?since=1h", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[64 * 1024];
        long bytes = 0;
        long lines = 0;
        var firstLine = TimeSpan.Zero;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var newlines = buffer.AsSpan(0, read).Count((byte)'\n');
            if (lines == 0 && newlines > 0)
            {
                firstLine = timer.Elapsed;
            }

            lines += newlines;
            bytes += read;
        }

        return (firstLine, bytes, lines);
    }
}
