using System.Diagnostics;
using System.Globalization;

namespace Widemesh.Logs.Benchmarks;

/// <summary>
/// Times the real <c>cat</c> on the same machine in the same run: the baseline every ratio is against. The shell's
/// <c>times</c> builtin also gives cat's CPU time, which the machine's other load does not inflate.
/// </summary>
internal static class CatBaseline
{
    /// <summary><c>cat FILES &gt; target</c>, as a shell runs it.</summary>
    public static async Task<Measurement> ToFileAsync(IReadOnlyList<string> files, string target, CancellationToken cancellationToken)
    {
        var script = "cat " + string.Join(' ', files.Select(Quote)) + " > " + Quote(target) + "; times >&2";
        var timer = Stopwatch.StartNew();
        using var process = Start(script, redirectOutput: false);
        var times = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return new Measurement(timer.Elapsed, ChildCpu(await times));
    }

    /// <summary>
    /// <c>cat FILES | wc -c</c>, as a shell runs it: how fast a reader gets the raw bytes through a pipe. The reader is
    /// a separate native process, so the baseline does not depend on this process's thread pool (an in-process async
    /// reader drained the pipe twice as fast with the pool's idle workers spinning on the second core, and half as
    /// fast with the spinning off, as meshd runs).
    /// </summary>
    public static async Task<(Measurement Time, long Bytes)> ToPipeAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var script = "cat " + string.Join(' ', files.Select(Quote)) + " | wc -c; times >&2";
        var timer = Stopwatch.StartNew();
        using var process = Start(script, redirectOutput: true);
        var times = process.StandardError.ReadToEndAsync(cancellationToken);
        var count = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var elapsed = timer.Elapsed;
        return (new Measurement(elapsed, ChildCpu(await times)), long.Parse((await count).Trim(), CultureInfo.InvariantCulture));
    }

    private static Process Start(string script, bool redirectOutput)
    {
        var shell = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = redirectOutput };
        shell.ArgumentList.Add("-c");
        shell.ArgumentList.Add(script);
        return Process.Start(shell) ?? throw new InvalidOperationException("could not start /bin/sh");
    }

    /// <summary>Reads the children's user + system time from the second line of <c>times</c> ("0m0.010s 0m0.120s").</summary>
    private static TimeSpan ChildCpu(string times)
    {
        var lines = times.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Length < 2 ? TimeSpan.Zero : lines[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Parse).Aggregate(TimeSpan.Zero, (a, b) => a + b);
    }

    private static TimeSpan Parse(string value)
    {
        var minutes = value.IndexOf('m', StringComparison.Ordinal);
        return TimeSpan.FromMinutes(int.Parse(value[..minutes], CultureInfo.InvariantCulture))
            + TimeSpan.FromSeconds(double.Parse(value[(minutes + 1)..].TrimEnd('s'), CultureInfo.InvariantCulture));
    }

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
