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
    private const int Rounds = 3;

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

        // meshd is a long-running server: warm every path up (JIT tiers, pools) before timing it. With a 64 MB warm-up
        // the in-process rounds still sped up from one to the next (0.40, 0.28, 0.18 s) as tier-1 code replaced the
        // first; three full-size passes leave them steady.
        for (var warm = 0; warm < 3; warm++)
        {
            await InProcessAsync(Path.Combine(workDirectory, $"ingest-warm-local-{warm}"), chunks, megabytes, cancellationToken);
            await HttpAsync(Path.Combine(workDirectory, $"ingest-warm-http-{warm}"), chunks, megabytes, text: false, cancellationToken);
            await HttpAsync(Path.Combine(workDirectory, $"ingest-warm-text-{warm}"), chunks, megabytes, text: true, cancellationToken);
        }

        List<Measurement> cats = [], locals = [], https = [], texts = [];
        for (var round = 0; round < Rounds; round++)
        {
            var copy = Path.Combine(workDirectory, "cat-copy.txt");
            cats.Add(await CatBaseline.ToFileAsync([source], copy, cancellationToken));
            File.Delete(copy);
            locals.Add(await InProcessAsync(Path.Combine(workDirectory, $"ingest-local-{round}"), chunks, megabytes, cancellationToken));
            https.Add(await HttpAsync(Path.Combine(workDirectory, $"ingest-http-{round}"), chunks, megabytes, text: false, cancellationToken));
            texts.Add(await HttpAsync(Path.Combine(workDirectory, $"ingest-text-{round}"), chunks, megabytes, text: true, cancellationToken));
        }

        return new IngestResult(bytes, Measurement.Median(cats), Measurement.Median(locals), Measurement.Median(https), Measurement.Median(texts));
    }

    private static async Task<Measurement> InProcessAsync(string directory, byte[][] chunks, int megabytes, CancellationToken cancellationToken)
    {
        await using var host = await BenchHost.StartAsync(directory, 500_000_000, cancellationToken);
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

    /// <summary>4 senders post the chunks, as NDJSON entries or (<paramref name="text"/>) as the raw lines themselves.</summary>
    private static async Task<Measurement> HttpAsync(string directory, byte[][] chunks, int megabytes, bool text, CancellationToken cancellationToken)
    {
        await using var host = await BenchHost.StartAsync(directory, 500_000_000, cancellationToken);
        var bodies = text ? chunks : chunks.Select(LogLines.Ndjson).ToArray();
        var path = $"/v1/environments/{BenchHost.Environment.Name}/logs" + (text ? "?stack=web&instance=web-1" : string.Empty);
        var mediaType = text ? "text/plain" : "application/x-ndjson";
        var token = await MintAsync(host, cancellationToken);
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
