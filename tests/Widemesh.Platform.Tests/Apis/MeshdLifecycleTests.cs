using System.Diagnostics;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Meshd;

namespace Widemesh.Platform.Tests.Apis;

/// <summary>First start, restart, shutdown and command line of the real meshd executable.</summary>
public sealed class MeshdLifecycleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task First_start_writes_the_admin_token_for_the_owner_only_and_prints_only_its_path()
    {
        await using var meshd = await MeshdProcess.StartAsync(null, Ct);
        var tokenFile = Path.Combine(meshd.DataDirectory, "admin.token");

        var mode = File.GetUnixFileMode(tokenFile);
        using var client = meshd.CreateClient();
        var whoami = await client.WhoAmIAsync(Ct);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
        Assert.StartsWith("wm_", meshd.AdminToken, StringComparison.Ordinal);
        Assert.True(whoami.Admin);
        Assert.Contains(tokenFile, meshd.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(meshd.AdminToken, meshd.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(meshd.AdminToken[3..], meshd.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_keeps_the_admin_token_and_the_data()
    {
        await using var meshd = await MeshdProcess.StartAsync(null, Ct);
        var token = meshd.AdminToken;
        using (var client = meshd.CreateClient())
        {
            await client.CreateRackAsync(new CreateRackRequest { Name = "kept" }, Ct);
        }

        await meshd.RestartAsync(Ct);

        using var after = meshd.CreateClient();
        Assert.Equal(token, meshd.AdminToken);
        Assert.NotNull(await after.GetRackAsync("kept", Ct));
    }

    [Fact]
    public async Task Sigterm_shuts_meshd_down_gracefully()
    {
        await using var meshd = await MeshdProcess.StartAsync(null, Ct);

        var exitCode = await meshd.StopAsync(Ct);

        Assert.Equal(0, exitCode);
    }

    [Fact]
    public async Task Meshd_stops_when_its_supervisor_closes_standard_input()
    {
        await using var meshd = await MeshdProcess.StartAsync(null, Ct);
        using var process = Process.GetProcessById(meshd.ProcessId!.Value);

        meshd.CloseStandardInput();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.HasExited);
    }

    [Fact]
    public async Task The_admin_accounts_last_token_cannot_be_deleted()
    {
        await using var meshd = await MeshdProcess.StartAsync(null, Ct);
        using var admin = meshd.CreateClient();
        var only = (await admin.ListTokensAsync(Ct)).Single();

        var error = await Assert.ThrowsAsync<WidemeshConflictException>(() => admin.DeleteTokenAsync(only.Id, Ct));
        var spare = await admin.CreateTokenAsync(new CreateTokenRequest { Name = "spare" }, Ct);
        await admin.DeleteTokenAsync(only.Id, Ct);

        Assert.Contains("last token", error.Detail, StringComparison.Ordinal);
        using var withSpare = meshd.CreateClient(spare.Token);
        Assert.True((await withSpare.WhoAmIAsync(Ct)).Admin);
    }

    [Fact]
    public async Task A_second_meshd_on_the_same_data_directory_refuses_to_start()
    {
        await using var first = await MeshdProcess.StartAsync(null, Ct);

        var (exitCode, output) = await RunMeshdAsync(["--data-dir", first.DataDirectory, "--listen", "http://127.0.0.1:1"]);

        Assert.Equal(1, exitCode);
        Assert.Contains("Another meshd is using the data directory", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_busy_port_is_reported_in_one_line_with_what_to_do()
    {
        using var busy = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        busy.Start();
        var port = ((System.Net.IPEndPoint)busy.LocalEndpoint).Port;
        var dataDirectory = Directory.CreateTempSubdirectory("widemesh-busy-").FullName;

        var (exitCode, output) = await RunMeshdAsync(["--data-dir", dataDirectory, "--listen", $"http://127.0.0.1:{port}"]);
        Directory.Delete(dataDirectory, recursive: true);

        Assert.Equal(1, exitCode);
        Assert.Contains("address already in use", output, StringComparison.Ordinal);
        Assert.Contains("--listen", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bogus", "does not know the argument '--bogus'")]
    [InlineData("--listen=ftp://x", "--listen 'ftp://x' is not an address")]
    [InlineData("--zone=Bad_Zone", "--zone 'bad_zone' is not a DNS zone")]
    [InlineData("--data-dir", "--data-dir needs a value")]
    public async Task A_bad_command_line_exits_with_2_and_says_what_to_fix(string argument, string message)
    {
        var (exitCode, output) = await RunMeshdAsync([argument]);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.Contains("meshd --help", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_options_and_their_environment_variables()
    {
        var (exitCode, output) = await RunMeshdAsync(["--help"]);

        Assert.Equal(0, exitCode);
        Assert.Contains("--data-dir", output, StringComparison.Ordinal);
        Assert.Contains("MESHD_LISTEN", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunMeshdAsync(IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(MeshdExecutable.Find()) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await stdout + await stderr);
    }
}
