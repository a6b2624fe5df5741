using System.Diagnostics;

namespace Widemesh.Logs.Benchmarks;

/// <summary>Wall-clock time and CPU time (user + system) of one run.</summary>
internal sealed record Measurement(TimeSpan Wall, TimeSpan Cpu)
{
    public static async Task<Measurement> OfThisProcessAsync(Func<Task> action, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var timer = Stopwatch.StartNew();
        await action();
        var wall = timer.Elapsed;
        process.Refresh();
        return new Measurement(wall, process.TotalProcessorTime - cpu);
    }

    public static Measurement Median(IReadOnlyList<Measurement> runs) =>
        new(runs.Select(r => r.Wall).Order().ElementAt(runs.Count / 2), runs.Select(r => r.Cpu).Order().ElementAt(runs.Count / 2));

    /// <summary>Megabytes per second of wall time and per second of CPU time.</summary>
    public (double Wall, double Cpu) Rate(long bytes) =>
        (bytes / 1_000_000.0 / Wall.TotalSeconds, bytes / 1_000_000.0 / Math.Max(Cpu.TotalSeconds, 0.001));
}
