using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Widemesh.Logs.Benchmarks;

/// <summary>
/// Follow latency: one HTTP client follows the environment while another sends one line at a time over HTTP;
/// each line carries the moment it was sent, and the follower measures when it arrives.
/// </summary>
internal static class FollowBenchmark
{
    public static async Task<FollowResult> RunAsync(string workDirectory, int samples, CancellationToken cancellationToken)
    {
        await using var host = await BenchHost.StartAsync(Path.Combine(workDirectory, "follow"), 500_000_000, cancellationToken);
        using var follower = new HttpClient { BaseAddress = host.Client.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        follower.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BenchHost.Token);
        using var response = await follower.GetAsync(
            $"/v1/environments/{BenchHost.Environment.Name}/logs?follow=true", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        var latencies = new List<double>(samples);
        var receiving = Task.Run(
            async () =>
            {
                while (latencies.Count < samples && await reader.ReadLineAsync(cancellationToken) is { } line)
                {
                    var arrived = Stopwatch.GetTimestamp();
                    if (line.StartsWith("{\"heartbeat\"", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    using var entry = JsonDocument.Parse(line);
                    var sent = long.Parse(entry.RootElement.GetProperty("message").GetString()!, CultureInfo.InvariantCulture);
                    latencies.Add(Stopwatch.GetElapsedTime(sent, arrived).TotalMilliseconds);
                }
            },
            cancellationToken);

        for (var i = 0; i < samples; i++)
        {
            var body = $"{{\"rack\":\"r1\",\"stack\":\"web\",\"instance\":\"web-1\",\"message\":\"{Stopwatch.GetTimestamp()}\"}}";
            using var sent = await host.Client.PostAsync(
                $"/v1/environments/{BenchHost.Environment.Name}/logs", new StringContent(body, Encoding.UTF8, "application/x-ndjson"), cancellationToken);
            sent.EnsureSuccessStatusCode();
            await Task.Delay(1, cancellationToken);
        }

        await receiving.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        latencies.Sort();
        return new FollowResult(latencies.Count, Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies[^1]);
    }

    private static double Percentile(List<double> sorted, double quantile) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(quantile * sorted.Count) - 1)];
}
