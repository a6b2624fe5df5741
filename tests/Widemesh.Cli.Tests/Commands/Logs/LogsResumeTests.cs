using System.Text.Json.Nodes;
using Widemesh.Cli.Tests.Support;
using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Meshd;

namespace Widemesh.Cli.Tests.Commands.Logs;

/// <summary>A follower across a meshd crash: its own meshd, killed with SIGKILL and started again on the same port and data.</summary>
public sealed class LogsResumeTests(MeshdFixture fixture)
{
    [Fact]
    public async Task Follow_resumes_after_meshd_is_killed_and_restarted_with_no_gap_and_no_duplicate()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var meshd = await MeshdProcess.StartAsync(null, cancellationToken);
        var mesh = await MeshCli.CreateAsync(fixture, cancellationToken);
        using (var admin = meshd.CreateClient())
        {
            await admin.CreateAccountAsync(new CreateAccountRequest { Name = "resume" }, cancellationToken);
            var token = await admin.CreateTokenAsync(new CreateTokenRequest { Name = "resume", Account = "resume" }, cancellationToken);
            mesh.Variables["WIDEMESH_ENDPOINT"] = meshd.Endpoint.ToString();
            mesh.Variables["WIDEMESH_TOKEN"] = token.Token;
        }

        using var client = meshd.CreateClient(mesh.Variables["WIDEMESH_TOKEN"]);
        var bed = await LogsTestBed.CreateAsync(mesh, client, 1, cancellationToken);
        await bed.IngestAsync(cancellationToken, LogsTestBed.Line("line-1"), LogsTestBed.Line("line-2"));
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var output = new LineCollector();
        var error = new LineCollector();

        var run = bed.StartAsync(["logs", "--json"], output, error, interrupt.Token);
        await output.WaitForLinesAsync(2, cancellationToken);
        await bed.IngestAsync(cancellationToken, LogsTestBed.Line("line-3"));
        await output.WaitForLinesAsync(3, cancellationToken);

        await meshd.KillHardAsync(cancellationToken);
        await meshd.RestartAsync(cancellationToken);
        await bed.IngestAsync(cancellationToken, LogsTestBed.Line("line-4"), LogsTestBed.Line("line-5", rack: "r2"));
        await output.WaitForLinesAsync(5, cancellationToken);
        await bed.IngestAsync(cancellationToken, LogsTestBed.Line("line-6"));
        var lines = await output.WaitForLinesAsync(6, cancellationToken);
        await Task.Delay(300, cancellationToken);
        await interrupt.CancelAsync();
        var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);

        Assert.Equal(0, exitCode);
        var entries = output.Lines.Select(line => JsonNode.Parse(line)!).ToList();
        Assert.Equal(["line-1", "line-2", "line-3", "line-4", "line-5", "line-6"], entries.Select(e => (string?)e["message"]));
        var sequences = entries.Select(e => (long)e["seq"]!).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
        Assert.Contains("reconnecting", error.Text, StringComparison.Ordinal);
        Assert.Contains("reconnected", error.Text, StringComparison.Ordinal);
        Assert.Equal(6, lines.Count);
    }

    [Fact]
    public async Task Follow_that_showed_nothing_yet_still_gets_the_lines_written_while_meshd_was_restarting()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var meshd = await MeshdProcess.StartAsync(null, cancellationToken);
        var mesh = await MeshCli.CreateAsync(fixture, cancellationToken);
        using (var admin = meshd.CreateClient())
        {
            await admin.CreateAccountAsync(new CreateAccountRequest { Name = "quiet" }, cancellationToken);
            var token = await admin.CreateTokenAsync(new CreateTokenRequest { Name = "quiet", Account = "quiet" }, cancellationToken);
            mesh.Variables["WIDEMESH_ENDPOINT"] = meshd.Endpoint.ToString();
            mesh.Variables["WIDEMESH_TOKEN"] = token.Token;
        }

        using var client = meshd.CreateClient(mesh.Variables["WIDEMESH_TOKEN"]);
        var bed = await LogsTestBed.CreateAsync(mesh, client, 1, cancellationToken);
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var output = new LineCollector();
        var error = new LineCollector();

        var run = bed.StartAsync(["logs", "--json", "--since", "10s"], output, error, interrupt.Token);
        await error.WaitForLinesAsync(0, cancellationToken);
        await Task.Delay(500, cancellationToken);
        await meshd.KillHardAsync(cancellationToken);
        await meshd.RestartAsync(cancellationToken);
        await bed.IngestAsync(cancellationToken, LogsTestBed.Line("while-away"));
        var lines = await output.WaitForLinesAsync(1, cancellationToken);
        await interrupt.CancelAsync();
        var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);

        Assert.Equal(0, exitCode);
        Assert.Equal("while-away", (string?)JsonNode.Parse(Assert.Single(output.Lines))!["message"]);
        Assert.Single(lines);
    }
}
