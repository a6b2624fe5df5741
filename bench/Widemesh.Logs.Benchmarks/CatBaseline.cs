using System.Diagnostics;

namespace Widemesh.Logs.Benchmarks;

/// <summary>Times the real <c>cat</c> on the same machine in the same run: the baseline every ratio is against.</summary>
internal static class CatBaseline
{
    /// <summary><c>cat FILES &gt; target</c>, as a shell runs it.</summary>
    public static async Task<TimeSpan> ToFileAsync(IReadOnlyList<string> files, string target, CancellationToken cancellationToken)
    {
        var script = "cat " + string.Join(' ', files.Select(Quote)) + " > " + Quote(target);
        var shell = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        shell.ArgumentList.Add("-c");
        shell.ArgumentList.Add(script);
        var timer = Stopwatch.StartNew();
        using var process = Process.Start(shell) ?? throw new InvalidOperationException("could not start cat");
        await process.WaitForExitAsync(cancellationToken);
        return timer.Elapsed;
    }

    /// <summary><c>cat FILES</c> into a pipe that this process reads to the end: how fast a client gets raw bytes.</summary>
    public static async Task<(TimeSpan Elapsed, long Bytes)> ToPipeAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("cat") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        var buffer = new byte[64 * 1024];
        long bytes = 0;
        var timer = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start cat");
        var output = process.StandardOutput.BaseStream;
        int read;
        while ((read = await output.ReadAsync(buffer, cancellationToken)) > 0)
        {
            bytes += read;
        }

        await process.WaitForExitAsync(cancellationToken);
        return (timer.Elapsed, bytes);
    }

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
