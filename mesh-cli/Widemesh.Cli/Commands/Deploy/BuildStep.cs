using System.Diagnostics;

namespace Widemesh.Cli.Commands.Deploy;

/// <summary>Runs the manifest's <c>build</c> command with <c>/bin/sh -c</c> in the application directory, its output shown on stderr as it comes.</summary>
internal static class BuildStep
{
    public static async Task RunAsync(CliContext context, string directory, string command, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var process = Process.Start(start) ?? throw new CliException(ExitCodes.Failure, $"Could not start /bin/sh to run the build command: {command}", "build-failed");
        try
        {
            await Task.WhenAll(CopyAsync(process.StandardOutput, context.Error, cancellationToken), CopyAsync(process.StandardError, context.Error, cancellationToken));
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new CliException(
                ExitCodes.Failure,
                $"The build failed (exit code {process.ExitCode}): {command}\nIts output is above. Fix the build (or the build line of widemesh.hcl) and run mesh deploy again; nothing was uploaded.",
                "build-failed");
        }
    }

    private static async Task CopyAsync(StreamReader reader, TextWriter writer, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lock (writer)
            {
                writer.WriteLine(line);
                writer.Flush();
            }
        }
    }
}
