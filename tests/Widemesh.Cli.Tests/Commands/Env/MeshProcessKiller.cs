using System.Diagnostics;
using Widemesh.Cli.Tests.Support;

namespace Widemesh.Cli.Tests.Commands.Env;

/// <summary>Runs the real <c>mesh</c> executable and kills it (SIGKILL, like a crash) at the first stdout line that matches.</summary>
internal static class MeshProcessKiller
{
    /// <summary>Returns the stdout lines read and whether the process was killed (false: it ended on its own first).</summary>
    public static async Task<(IReadOnlyList<string> Lines, bool Killed)> RunUntilAsync(
        MeshCli mesh, string[] args, Func<string, bool> killAt, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(MeshCli.ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = mesh.Home,
        };
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (var (name, value) in mesh.Variables)
        {
            if (value is not null)
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {MeshCli.ExecutablePath}.");
        process.StandardInput.Close();
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        var lines = new List<string>();
        while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            lines.Add(line);
            if (killAt(line))
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(cancellationToken);
                return (lines, true);
            }
        }

        await process.WaitForExitAsync(cancellationToken);
        Assert.Fail($"mesh {string.Join(' ', args)} ended (exit {process.ExitCode}) before the line to kill it at:\n{string.Join('\n', lines)}\n{await errors}");
        return (lines, false);
    }
}
