using System.Diagnostics;
using System.Globalization;
using Widemesh.Cli.Tests.Support;

namespace Widemesh.Cli.Tests.Commands.Logs;

/// <summary>The built <c>mesh</c> executable following logs, stopped the way a person stops it: SIGINT (Ctrl-C).</summary>
public sealed class LogsProcessTests(MeshdFixture fixture)
{
    [Fact]
    public async Task Sigint_ends_a_follow_cleanly_with_exit_code_0()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var bed = await LogsTestBed.CreateAsync(fixture, 1, cancellationToken);
        await bed.IngestAsync(cancellationToken, LogsTestBed.Line("before"));
        var start = new ProcessStartInfo(MeshCli.ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = bed.Mesh.Home,
        };
        foreach (var argument in new[] { "logs", "--env", bed.Environment })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (var (name, value) in bed.Mesh.Variables)
        {
            if (value is not null)
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var first = await process.StandardOutput.ReadLineAsync(cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
        await bed.IngestAsync(cancellationToken, LogsTestBed.Line("after"));
        var second = await process.StandardOutput.ReadLineAsync(cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);

        using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync(cancellationToken);
        }

        await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);

        Assert.EndsWith("before", first, StringComparison.Ordinal);
        Assert.EndsWith("after", second, StringComparison.Ordinal);
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}, stderr: {await error}");
        Assert.Equal(string.Empty, await error);
    }
}
