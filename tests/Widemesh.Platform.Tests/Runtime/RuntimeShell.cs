using System.Diagnostics;
using Widemesh.Platform.Racks.Local;

namespace Widemesh.Platform.Tests.Runtime;

/// <summary>Runs commands on this machine or inside a namespace, as a user or an attacker would.</summary>
internal static class RuntimeShell
{
    public const string Python = "/usr/bin/python3";

    /// <summary>Runs <c>/bin/sh -c</c> inside the namespace (seeing its /etc/hosts).</summary>
    public static Task<CommandResult> InNamespaceAsync(string ns, string command, CancellationToken cancellationToken) =>
        RunAsync("ip", ["netns", "exec", ns, "/bin/sh", "-c", command], cancellationToken);

    /// <summary>Tries a TCP connection from inside <paramref name="ns"/>; answers "connected" or the error.</summary>
    public static async Task<string> ConnectFromAsync(string ns, string host, int port, CancellationToken cancellationToken)
    {
        var script = $"import socket\ntry:\n  socket.create_connection(('{host}', {port}), timeout=2).close(); print('connected')\nexcept Exception as e:\n  print(type(e).__name__, e)";
        var result = await RunAsync("ip", ["netns", "exec", ns, Python, "-c", script], cancellationToken);
        return (result.Output + result.Error).Trim();
    }

    public static async Task<CommandResult> RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return new CommandResult(process.ExitCode, await output, await error);
    }
}
