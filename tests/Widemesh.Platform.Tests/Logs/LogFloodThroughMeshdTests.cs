using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Meshd;

namespace Widemesh.Platform.Tests.Logs;

/// <summary>
/// The flood through the real meshd process: 5 GB of log lines over HTTP ingest into one environment (set
/// <c>WIDEMESH_LOG_FLOOD_BYTES</c> for another size). The disk holds at most 500 MB plus one 8 MiB segment, meshd's
/// resident memory stays bounded, and <c>/healthz</c> and a query keep answering during the flood.
/// </summary>
[Collection(nameof(LogFloodCollection))]
public sealed class LogFloodThroughMeshdTests
{
    public const string SizeVariable = "WIDEMESH_LOG_FLOOD_BYTES";

    private const long Limit = 500L * 1000 * 1000;
    private const long Segment = 8L * 1024 * 1024;

    // What meshd may hold beyond its resident size before the flood: the writer queue (16 batches) of bodies of up to
    // 4 MiB, the 4 bodies being parsed, their entries while they are encoded and Kestrel's buffers come to ~150 MB at
    // most; the rest is GC headroom (the server GC keeps freed segments for reuse). The store itself keeps only index
    // points in memory (one per 64 KiB: ~8,000 for a full store), so nothing grows with the bytes written.
    private const long RssGrowthBound = 350L * 1024 * 1024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Five_gigabytes_over_http_keep_disk_within_500_mb_plus_a_segment_memory_bounded_and_meshd_answering()
    {
        var total = long.TryParse(Environment.GetEnvironmentVariable(SizeVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : 5_000_000_000L;
        await using var meshd = await MeshdProcess.StartAsync(null, Ct);
        using (var client = meshd.CreateClient())
        {
            await client.CreateRackAsync(new CreateRackRequest { Name = "eu-1" }, Ct);
            await client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = "flood", Racks = ["eu-1"] }, Ct);
        }

        using var probe = Http(meshd);
        var environmentId = (await meshd.CreateClient().GetEnvironmentAsync("flood", Ct))!.Id;
        var directory = Path.Combine(meshd.DataDirectory, "logs", environmentId);
        var pid = meshd.ProcessId ?? throw new InvalidOperationException("meshd is not running");
        var baselineRss = ResidentBytes(pid);
        var body = Body();
        var sent = 0L;
        var busy = 0;
        var watch = Stopwatch.StartNew();
        using var done = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var monitor = Task.Run(async () =>
        {
            var stats = new FloodStats();
            while (!done.IsCancellationRequested)
            {
                stats.PeakLogBytes = Math.Max(stats.PeakLogBytes, SizeOf(directory, "*.log"));
                stats.PeakAllBytes = Math.Max(stats.PeakAllBytes, SizeOf(directory, "*"));
                stats.PeakRss = Math.Max(stats.PeakRss, ResidentBytes(pid));
                var timer = Stopwatch.StartNew();
                using (var health = await probe.GetAsync(new Uri("/healthz", UriKind.Relative), Ct))
                {
                    stats.HealthFailures += health.IsSuccessStatusCode ? 0 : 1;
                }

                stats.SlowestHealth = Max(stats.SlowestHealth, timer.Elapsed);
                timer.Restart();
                using (var query = await probe.GetAsync(new Uri("/v1/environments/flood/logs?since=5s", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, Ct))
                {
                    stats.QueryFailures += query.IsSuccessStatusCode ? 0 : 1;
                    using var reader = new StreamReader(await query.Content.ReadAsStreamAsync(Ct));
                    _ = await reader.ReadLineAsync(Ct);
                }

                stats.SlowestQuery = Max(stats.SlowestQuery, timer.Elapsed);
                stats.Probes++;
                await Task.Delay(500, Ct);
            }

            return stats;
        }, Ct);

        var senders = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            using var http = Http(meshd);
            while (Interlocked.Add(ref sent, body.Length) - body.Length < total)
            {
                while (true)
                {
                    using var content = new ByteArrayContent(body);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
                    using var response = await http.PostAsync(new Uri("/v1/environments/flood/logs", UriKind.Relative), content, Ct);
                    if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                    {
                        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                        break;
                    }

                    Interlocked.Increment(ref busy);
                    await Task.Delay(100, Ct);
                }
            }
        }, Ct)).ToList();
        await Task.WhenAll(senders);
        var elapsed = watch.Elapsed;
        await done.CancelAsync();
        var stats = await monitor;
        var finalLogBytes = SizeOf(directory, "*.log");
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"flood: {total / 1e9:0.##} GB in {elapsed.TotalSeconds:0} s ({total / 1e6 / elapsed.TotalSeconds:0} MB/s), 503s {busy}; disk peak {stats.PeakLogBytes / 1e6:0.#} MB of segments ({stats.PeakAllBytes / 1e6:0.#} MB with indexes); RSS {baselineRss / 1048576} MiB -> peak {stats.PeakRss / 1048576} MiB; slowest /healthz {stats.SlowestHealth.TotalMilliseconds:0} ms, slowest query {stats.SlowestQuery.TotalMilliseconds:0} ms over {stats.Probes} probes"));

        Assert.True(stats.PeakLogBytes <= Limit + Segment, $"segments reached {stats.PeakLogBytes} bytes");
        Assert.True(finalLogBytes <= Limit + Segment, $"segments hold {finalLogBytes} bytes after the flood");
        Assert.True(stats.PeakRss - baselineRss <= RssGrowthBound, $"meshd's RSS grew from {baselineRss} to {stats.PeakRss} bytes");
        Assert.Equal(0, stats.HealthFailures);
        Assert.Equal(0, stats.QueryFailures);
        Assert.True(stats.Probes >= 2, "the probes did not run during the flood");
        Assert.True(stats.SlowestHealth < TimeSpan.FromSeconds(2), $"/healthz took {stats.SlowestHealth}");
        Assert.True(stats.SlowestQuery < TimeSpan.FromSeconds(3), $"a query took {stats.SlowestQuery}");
    }

    /// <summary>About 1 MiB of NDJSON access-log lines (~200 bytes each).</summary>
    private static byte[] Body()
    {
        var builder = new StringBuilder(1024 * 1024 + 512);
        for (var i = 0; builder.Length < 1024 * 1024; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $$"""{"stack":"web","instance":"web-{{i % 4}}","rack":"eu-1","message":"GET /items/{{i}} 200 {{new string('p', 120)}}"}""").Append('\n');
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static HttpClient Http(MeshdProcess meshd)
    {
        var http = new HttpClient { BaseAddress = meshd.Endpoint, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", meshd.AdminToken);
        return http;
    }

    private static long SizeOf(string directory, string pattern)
    {
        long total = 0;
        try
        {
            foreach (var file in new DirectoryInfo(directory).EnumerateFiles(pattern))
            {
                try
                {
                    total += file.Length;
                }
                catch (FileNotFoundException)
                {
                    // Deleted by retention while we looked.
                }
            }
        }
        catch (DirectoryNotFoundException)
        {
            return 0;
        }

        return total;
    }

    /// <summary>VmRSS from /proc/PID/status, in bytes.</summary>
    private static long ResidentBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"/proc/{pid}/status has no VmRSS line");
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed class FloodStats
    {
        public long PeakLogBytes { get; set; }

        public long PeakAllBytes { get; set; }

        public long PeakRss { get; set; }

        public int HealthFailures { get; set; }

        public int QueryFailures { get; set; }

        public TimeSpan SlowestHealth { get; set; }

        public TimeSpan SlowestQuery { get; set; }

        public int Probes { get; set; }
    }
}
