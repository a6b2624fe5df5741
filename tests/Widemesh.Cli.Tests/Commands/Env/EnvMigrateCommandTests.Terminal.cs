using System.Diagnostics;
using Widemesh.Cli.Tests.Support;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Cli.Tests.Commands.Env;

public sealed partial class EnvMigrateCommandTests
{
    private const string Script = "/usr/bin/script";

    [Fact]
    public async Task On_a_terminal_migrate_redraws_the_resolvers_asks_before_removing_and_keeps_both_racks_on_no()
    {
        if (!File.Exists(Script))
        {
            Assert.Skip("util-linux 'script' is needed to give mesh a terminal (apt-get install bsdutils).");
        }

        var bed = await MigrationBed.CreateAsync(shared, fixture, Ct);
        string[] words = [MeshCli.ExecutablePath, "env", "migrate", bed.Environment, "--to", "new", .. bed.ResolverArguments];
        var command = string.Join(' ', words);

        var (exitCode, output) = await RunInTerminalAsync(bed.Mesh, command, "n\n");

        Assert.True(exitCode == 1, output);
        Assert.Contains("\u001b[0Jwaiting for DNS: 2 of 2 resolvers answer", output, StringComparison.Ordinal);
        Assert.Contains("Remove 'old' from environment", output, StringComparison.Ordinal);
        Assert.Contains("[y/N]", output, StringComparison.Ordinal);
        Assert.Contains("stays on racks old and new", output, StringComparison.Ordinal);
        Assert.Equal(["old", "new"], await bed.RacksAsync(Ct));
        Assert.Equal(MigrationSteps.Waiting, (await bed.MigrationAsync(Ct))!.Step);
    }

    private static async Task<(int ExitCode, string Output)> RunInTerminalAsync(MeshCli mesh, string command, string input)
    {
        var start = new ProcessStartInfo(Script, ["-qec", command, "/dev/null"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = mesh.Home,
        };
        start.Environment.Clear();
        foreach (var (name, value) in mesh.Variables)
        {
            if (value is not null && name != "NO_COLOR")
            {
                start.Environment[name] = value;
            }
        }

        start.Environment["TERM"] = "xterm";
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        await process.StandardInput.FlushAsync(Ct);
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var errors = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await output + await errors);
    }
}
