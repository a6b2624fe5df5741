using System.Net.Http.Headers;
using Widemesh.Platform.Logs;

namespace Widemesh.Logs.Benchmarks;

/// <summary>
/// Ingest throughput: N MB of log lines through the in-process path (what the local rack runtime uses), through
/// HTTP NDJSON batches and through HTTP text/plain bodies of raw lines (what a rack agent forwarding one instance's
/// output sends), against <c>cat</c> of the same bytes to a file.
/// </summary>
internal static class IngestBenchmark
{
    private const int Rounds = 5;

    public static async Task<IngestResult> RunAsync(string workDirectory, int megabytes, CancellationToken cancellationToken)
    {
        var chunks = Enumerable.Range(0, 8).Select(LogLines.Chunk).ToArray();
        var source = Path.Combine(workDirectory, "lines.txt");
        await using (var file = File.Create(source))
        {
            for (var i = 0; i < megabytes; i++)
            {
                await file.WriteAsync(chunks[i % chunks.Length], cancellationToken);
            }
        }

        var bytes = new FileInfo(source).Length;

        // meshd is a long-running server: each path gets one host, as meshd is one process, warmed up with three
        // full-size passes (JIT tiers, pools) before it is timed. With a fresh host per round, or a 64 MB warm-up,
        // the rounds still sped up from one to the next as tier-1 code replaced the first.
        await using var local = await BenchHost.StartAsync(Path.Combine(workDirectory, "ingest-local"), 500_000_000, cancellationToken);
        await using var ndjson = await BenchHost.StartAsync(Path.Combine(workDirectory, "ingest-ndjson"), 500_000_000, cancellationToken);
        await using var text = await BenchHost.StartAsync(Path.Combine(workDirectory, "ingest-text"), 500_000_000, cancellationToken);
        var ndjsonSender = await HttpSender.CreateAsync(ndjson, chunks, text: false, cancellationToken);
        var textSender = await HttpSender.CreateAsync(text, chunks, text: true, cancellationToken);
        for (var warm = 0; warm < 3; warm++)
        {
            await InProcessAsync(local, chunks, megabytes, cancellationToken);
            await ndjsonSender.SendAsync(megabytes, cancellationToken);
            await textSender.SendAsync(megabytes, cancellationToken);
        }

        List<Measurement> cats = [], locals = [], https = [], texts = [];
        for (var round = 0; round < Rounds; round++)
        {
            var copy = Path.Combine(workDirectory, "cat-copy.txt");
            cats.Add(await CatBaseline.ToFileAsync([source], copy, cancellationToken));
            File.Delete(copy);
            locals.Add(await InProcessAsync(local, chunks, megabytes, cancellationToken));
            https.Add(await ndjsonSender.SendAsync(megabytes, cancellationToken));
            texts.Add(await textSender.SendAsync(megabytes, cancellationToken));
        }

        return new IngestResult(bytes, Measurement.Median(cats), Measurement.Median(locals), Measurement.Median(https), Measurement.Median(texts));
    }

    /// <summary>Appends the chunks as one instance's output, as the local rack runtime does; the environment's logs are deleted after.</summary>
    private static async Task<Measurement> InProcessAsync(BenchHost host, byte[][] chunks, int megabytes, CancellationToken cancellationToken)
    {
        var source = new LogSourceRef("r1", LogSourceKind.Stack, "web", "web-1");
        var elapsed = await Measurement.OfThisProcessAsync(async () =>
        {
            for (var i = 0; i < megabytes; i++)
            {
                await host.Ingestor.AppendOutputAsync(BenchHost.Environment.Id, source, LogStream.Stdout, chunks[i % chunks.Length], cancellationToken);
            }
        }, cancellationToken);
        await host.Store.DeleteEnvironmentAsync(BenchHost.Environment.Id, cancellationToken);
        return elapsed;
    }

    /// <summary>4 senders post the chunks, as NDJSON entries or (text) as the raw lines themselves, with an ingest token of rack r1.</summary>
    private sealed class HttpSender(BenchHost host, byte[][] bodies, string path, string mediaType, string token)
    {
        public static async Task<HttpSender> CreateAsync(BenchHost host, byte[][] chunks, bool text, CancellationToken cancellationToken) =>
            new(
                host,
                text ? chunks : [.. chunks.Select(LogLines.Ndjson)],
                $"/v1/environments/{BenchHost.Environment.Name}/logs" + (text ? "?stack=web&instance=web-1" : string.Empty),
                text ? "text/plain" : "application/x-ndjson",
                await MintAsync(host, cancellationToken));

        /// <summary>Sends <paramref name="megabytes"/> bodies and times it; the environment's logs are deleted after.</summary>
        public async Task<Measurement> SendAsync(int megabytes, CancellationToken cancellationToken)
        {
            var elapsed = await Measurement.OfThisProcessAsync(() => Parallel.ForAsync(0, megabytes, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (i, ct) =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, path)
                {
                    Content = new ByteArrayContent(bodies[i % bodies.Length]) { Headers = { ContentType = new MediaTypeHeaderValue(mediaType) } },
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await host.Client.SendAsync(request, ct);
                response.EnsureSuccessStatusCode();
            }), cancellationToken);
            await host.Store.DeleteEnvironmentAsync(BenchHost.Environment.Id, cancellationToken);
            return elapsed;
        }
    }

    private static async Task<string> MintAsync(BenchHost host, CancellationToken cancellationToken)
    {
        using var response = await host.Client.PostAsync(
            $"/v1/environments/{BenchHost.Environment.Name}/log-tokens",
            new StringContent("{\"rack\":\"r1\"}", System.Text.Encoding.UTF8, "application/json"),
            cancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return json.RootElement.GetProperty("token").GetString() ?? throw new InvalidOperationException("no token in the answer");
    }
}
