using System.Globalization;

namespace Widemesh.Benchmarks;

/// <summary>Latencies and throughput of one load run.</summary>
internal sealed record LoadResult(string Name, int Requests, int Workers, TimeSpan Elapsed, double[] LatenciesMs)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    public double Percentile(double p)
    {
        var sorted = LatenciesMs.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    /// <summary>The round with the median throughput, named after its runs.</summary>
    public static LoadResult Median(IReadOnlyList<LoadResult> rounds)
    {
        var median = rounds.OrderBy(r => r.RequestsPerSecond).ElementAt(rounds.Count / 2);
        return median with { Name = $"{median.Name} (median of {rounds.Count} rounds)" };
    }

    public string ToRow() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Name} | {Requests} | {Workers} | {RequestsPerSecond:0} | {Percentile(50):0.00} | {Percentile(90):0.00} | {Percentile(99):0.00} |");
}
