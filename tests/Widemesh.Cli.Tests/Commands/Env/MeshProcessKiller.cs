using System.Diagnostics;
using Widemesh.Cli.Tests.Support;

namespace Widemesh.Cli.Tests.Commands.Env;

/// <summary>
/// Runs the real <c>mesh</c> executable and, at the first stdout line that matches, kills it (SIGKILL, like a crash)
/// or interrupts it (SIGINT, like Ctrl-C).
/// </summary>
internal static class MeshProcessKiller
{
    /// <summary>Returns the stdout lines read and whether the process was killed (false: it ended on its own first).</summary>
    public static async Task<(IReadOnlyList<string> Lines, bool Killed)> RunUntilAsync(
        MeshCli mesh, string[] args, Func<string, bool> killAt, CancellationToken cancellationToken)
    {
        var (lines, _, _) = await RunAsync(mesh, args, killAt, interrupt: false, cancellationToken);
        return (lines, true);
    }

    /// <summary>Sends SIGINT at the first matching line and returns what the process wrote and its exit code.</summary>
    public static Task<(IReadOnlyList<string> Lines, string Error, int ExitCode)> InterruptAtAsync(
        MeshCli mesh, string[] args, Func<string, bool> interruptAt, CancellationToken cancellationToken) =>
        RunAsync(mesh, args, interruptAt, interrupt: true, cancellationToken);

    private static async Task<(IReadOnlyList<string> Lines, string Error, int ExitCode)> RunAsync(
        MeshCli mesh, string[] args, Func<string, bool> stopAt, bool interrupt, CancellationToken cancellationToken)
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
            if (stopAt(line))
            {
                if (interrupt)
                {
                    using var signal = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                    await signal.WaitForExitAsync(cancellationToken);
                    while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } rest)
                    {
                        lines.Add(rest);
                    }
                }
                else
                {
                    process.Kill(entireProcessTree: true);
                }

                await process.WaitForExitAsync(cancellationToken);
                return (lines, await errors, process.ExitCode);
            }
        }

        await process.WaitForExitAsync(cancellationToken);
        Assert.Fail($"mesh {string.Join(' ', args)} ended (exit {process.ExitCode}) before the line to stop it at:\n{string.Join('\n', lines)}\n{await errors}");
        return (lines, await errors, process.ExitCode);
    }
}
