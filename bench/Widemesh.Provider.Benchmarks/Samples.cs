using System.Globalization;

namespace Widemesh.Provider.Benchmarks;

/// <summary>Timings of one measurement, summarised as median and 90th percentile in milliseconds.</summary>
internal sealed record Samples(string Name, IReadOnlyList<TimeSpan> Values)
{
    public double Median => Percentile(0.5);

    public double P90 => Percentile(0.9);

    public string Row(double? baseline = null) => string.Create(CultureInfo.InvariantCulture,
        $"| {Name} | {Values.Count} | {Median:F1} | {P90:F1} | {(baseline is { } b ? $"{Median / b:F2}×" : "—")} |");

    private double Percentile(double p)
    {
        var sorted = Values.Select(v => v.TotalMilliseconds).Order().ToArray();
        var index = (sorted.Length - 1) * p;
        var low = (int)Math.Floor(index);
        var high = (int)Math.Ceiling(index);
        return sorted[low] + ((sorted[high] - sorted[low]) * (index - low));
    }
}
