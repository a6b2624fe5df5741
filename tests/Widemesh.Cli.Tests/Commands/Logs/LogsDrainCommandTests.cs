using Widemesh.Cli.Tests.Support;
using Widemesh.Platform.Tests.Drains;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Cli.Tests.Commands.Logs;

/// <summary><c>mesh logs drain add|ls|rm</c> against a real meshd and, for delivery, a real rsyslogd on loopback.</summary>
public sealed class LogsDrainCommandTests(MeshdFixture fixture)
{
    // Nothing listens on the discard port: the drain exists, is not connected and reports why.
    private const string DeadUrl = "syslog+tcp://127.0.0.1:9";

    [Fact]
    public async Task Drain_add_writes_the_block_and_applies_it_ls_shows_what_rsyslog_got_and_rm_removes_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rsyslog = await RsyslogServer.StartAsync(ct);
        var bed = await LogsTestBed.CreateAsync(fixture, 1, ct);
        var env = bed.Environment;
        var label = $"{env.Replace('-', '_')}_127_0_0_1_{rsyslog.Port}";

        var add = await bed.Mesh.RunExpectingAsync(0, ["logs", "drain", "add", rsyslog.Url], ct);
        await bed.IngestAsync(ct, LogsTestBed.Line("first"), LogsTestBed.Line("second"));
        var received = await rsyslog.WaitForLinesAsync(2, ct);
        var ls = await WaitForForwardedAsync(bed, 2, ct);
        var table = await bed.Mesh.RunExpectingAsync(0, ["logs", "drain", "ls"], ct);

        Assert.Contains($"# widemesh_log_drain.{label} will be created", add.Out, StringComparison.Ordinal);
        Assert.Contains("Apply complete! Resources: 1 added, 0 changed, 0 destroyed.", add.Out, StringComparison.Ordinal);
        Assert.Contains($"forwards the logs of '{env}' to {rsyslog.Url} from now on.", add.Out, StringComparison.Ordinal);
        Assert.Equal(
            $"resource \"widemesh_log_drain\" \"{label}\" {{\n  environment = \"{env}\"\n  url         = \"{rsyslog.Url}\"\n}}\n",
            bed.Mesh.ReadWorkspaceFile($"log_drain_{label}.tf"));
        Assert.Equal(2, received.Length);
        Assert.EndsWith("|first", received[0], StringComparison.Ordinal);
        var drain = Assert.Single(ls["items"]!.AsArray())!;
        Assert.Equal(env, (string?)ls["environment"]);
        Assert.Equal(rsyslog.Url, (string?)drain["url"]);
        Assert.True((bool?)drain["connected"]);
        Assert.Null((string?)drain["lastError"]);
        Assert.Equal($"widemesh_log_drain.{label}", (string?)drain["resource"]);
        var id = (string?)drain["id"] ?? string.Empty;
        Assert.Contains(id, table.Out, StringComparison.Ordinal);
        Assert.Contains("yes", table.Out, StringComparison.Ordinal);

        var rm = await bed.Mesh.RunExpectingAsync(0, ["logs", "drain", "rm", id], ct);

        Assert.Contains("Apply complete! Resources: 0 added, 0 changed, 1 destroyed.", rm.Out, StringComparison.Ordinal);
        Assert.Contains($"Drain {id} is deleted; the logs of '{env}' no longer go to {rsyslog.Url}.", rm.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(bed.Mesh.Workspace, $"log_drain_{label}.tf")));
        Assert.Empty(await bed.Client.ListDrainsAsync(env, ct));
    }

    [Fact]
    public async Task Drain_add_json_reports_the_run_and_the_drain()
    {
        var ct = TestContext.Current.CancellationToken;
        var bed = await LogsTestBed.CreateAsync(fixture, 2, ct);

        var result = await bed.Mesh.RunExpectingAsync(0, ["logs", "drain", "add", DeadUrl, "--env", bed.Environments[1], "--json"], ct);

        var json = result.Json;
        Assert.Equal("logs drain add", (string?)json["command"]);
        Assert.True((bool?)json["applied"]);
        Assert.Equal(1, (int?)json["changes"]!["add"]);
        Assert.StartsWith("drn_", (string?)json["drain"]!["id"], StringComparison.Ordinal);
        Assert.Equal(bed.Environments[1], (string?)json["drain"]!["environment"]);
        Assert.Equal(DeadUrl, (string?)json["drain"]!["url"]);
        Assert.Empty(await bed.Client.ListDrainsAsync(bed.Environments[0], ct));
    }

    [Fact]
    public async Task Drain_ls_shows_that_an_unreachable_server_is_not_connected_and_why()
    {
        var ct = TestContext.Current.CancellationToken;
        var bed = await LogsTestBed.CreateAsync(fixture, 1, ct);
        var drain = await bed.Client.CreateDrainAsync(bed.Environment, new CreateDrainRequest { Url = DeadUrl }, ct);
        await WaitForAsync(async () => (await bed.Client.ListDrainsAsync(bed.Environment, ct))[0].LastError is not null, ct);

        var table = await bed.Mesh.RunExpectingAsync(0, ["logs", "drain", "ls"], ct);
        var json = (await bed.Mesh.RunExpectingAsync(0, ["logs", "drain", "ls", "--json"], ct)).Json;

        Assert.Contains(drain.Id, table.Out, StringComparison.Ordinal);
        Assert.Contains(" no ", table.Out, StringComparison.Ordinal);
        var item = Assert.Single(json["items"]!.AsArray())!;
        Assert.False((bool?)item["connected"]);
        Assert.False(string.IsNullOrEmpty((string?)item["lastError"]));
        Assert.Null(item["resource"]);
    }

    [Theory]
    [InlineData("https://logs.example.com:514", "URL scheme 'https' is not supported")]
    [InlineData("syslog+tcp://logs.example.com", "has no port")]
    [InlineData("syslog+tcp://logs.example.com:514/x", "without user, path, query or fragment")]
    public async Task Drain_add_refuses_a_bad_url_with_the_rule_and_writes_nothing(string url, string message)
    {
        var ct = TestContext.Current.CancellationToken;
        var mesh = await MeshCli.CreateAsync(fixture, ct);

        var result = await mesh.RunExpectingAsync(2, ["logs", "drain", "add", url], ct);

        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(mesh.Workspace) && Directory.EnumerateFiles(mesh.Workspace, "*.tf").Any());
    }

    [Fact]
    public async Task Drain_add_of_a_server_the_environment_already_forwards_to_is_a_conflict()
    {
        var ct = TestContext.Current.CancellationToken;
        var bed = await LogsTestBed.CreateAsync(fixture, 1, ct);
        await bed.Mesh.RunExpectingAsync(0, ["logs", "drain", "add", DeadUrl], ct);

        var again = await bed.Mesh.RunExpectingAsync(6, ["logs", "drain", "add", "SYSLOG+TCP://127.0.0.1:9"], ct);

        Assert.Contains($"already forwards its logs to {DeadUrl}", again.Error, StringComparison.Ordinal);
        Assert.Single(await bed.Client.ListDrainsAsync(bed.Environment, ct));
    }

    [Fact]
    public async Task Drain_rm_of_a_drain_made_through_the_api_says_it_is_not_in_the_workspace()
    {
        var ct = TestContext.Current.CancellationToken;
        var bed = await LogsTestBed.CreateAsync(fixture, 1, ct);
        var drain = await bed.Client.CreateDrainAsync(bed.Environment, new CreateDrainRequest { Url = DeadUrl }, ct);

        var result = await bed.Mesh.RunExpectingAsync(5, ["logs", "drain", "rm", drain.Id], ct);
        var unknown = await bed.Mesh.RunExpectingAsync(5, ["logs", "drain", "rm", "drn_0000000000000000"], ct);

        Assert.Contains("is not in this workspace", result.Error, StringComparison.Ordinal);
        Assert.Contains($"id = \"{bed.Environment}/{drain.Id}\"", result.Error, StringComparison.Ordinal);
        Assert.Contains("There is no drain drn_0000000000000000", unknown.Error, StringComparison.Ordinal);
        Assert.Single(await bed.Client.ListDrainsAsync(bed.Environment, ct));
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> WaitForForwardedAsync(LogsTestBed bed, long count, CancellationToken ct)
    {
        while (true)
        {
            var json = (await bed.Mesh.RunExpectingAsync(0, ["logs", "drain", "ls", "--json"], ct)).Json;
            if ((long?)json["items"]![0]!["forwarded"] >= count)
            {
                return json;
            }

            await Task.Delay(100, ct);
        }
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        while (!await condition())
        {
            await Task.Delay(100, timeout.Token);
        }
    }
}
