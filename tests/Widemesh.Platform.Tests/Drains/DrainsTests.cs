using System.Net.Http.Headers;
using System.Text;
using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Meshd;

namespace Widemesh.Platform.Tests.Drains;

/// <summary>Log drains end to end: the real meshd forwards to a real rsyslogd on loopback.</summary>
public sealed class DrainsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lines_arrive_at_rsyslog_in_order_with_priority_app_procid_and_rack()
    {
        await using var rsyslog = await RsyslogServer.StartAsync(Ct);
        await using var meshd = await MeshdProcess.StartAsync(null, Ct);
        await CreateEnvironmentAsync(meshd, "shop");
        using var client = meshd.CreateClient();
        var drain = await client.CreateDrainAsync("shop", new CreateDrainRequest { Url = rsyslog.Url }, Ct);

        await IngestAsync(meshd, "shop", ("first line", "stdout"), ("it \"failed\"", "stderr"), ("third line", "stdout"));
        var lines = await rsyslog.WaitForLinesAsync(3, Ct);
        var listed = await WaitForStatusAsync(meshd, "shop", d => d.Forwarded == 3);

        Assert.Matches("^drn_[0-9a-f]{16}$", drain.Id);
        Assert.Equal(rsyslog.Url, drain.Url);
        Assert.Equal(
        [
            "134|shop.widemesh.internal|web|web-1|stdout|[widemesh@32473 rack=\"r1\" env=\"shop.widemesh.internal\" seq=\"1\"]|first line",
            "131|shop.widemesh.internal|web|web-1|stderr|[widemesh@32473 rack=\"r1\" env=\"shop.widemesh.internal\" seq=\"2\"]|it \"failed\"",
            "134|shop.widemesh.internal|web|web-1|stdout|[widemesh@32473 rack=\"r1\" env=\"shop.widemesh.internal\" seq=\"3\"]|third line",
        ], lines);
        Assert.True(listed.Connected);
        Assert.Null(listed.LastError);
        Assert.Equal(3, listed.Cursor);
    }

    [Fact]
    public async Task A_burst_of_ten_thousand_lines_arrives_complete_and_in_order()
    {
        await using var rsyslog = await RsyslogServer.StartAsync(Ct);
        await using var meshd = await MeshdProcess.StartAsync(null, Ct);
        await CreateEnvironmentAsync(meshd, "shop");
        using var client = meshd.CreateClient();
        await client.CreateDrainAsync("shop", new CreateDrainRequest { Url = rsyslog.Url }, Ct);
        var expected = Enumerable.Range(0, 10_000).Select(i => $"line {i:D5} " + new string('x', 100)).ToArray();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var batch in expected.Chunk(1000))
        {
            await IngestAsync(meshd, "shop", [.. batch.Select(m => (m, "stdout"))]);
        }

        var lines = await rsyslog.WaitForLinesAsync(expected.Length, Ct);
        TestContext.Current.TestOutputHelper?.WriteLine($"drain: {expected.Length} lines from first ingest to rsyslog's file in {clock.ElapsedMilliseconds} ms");

        Assert.Equal(expected, Messages(lines));
    }

    [Fact]
    public async Task Lines_written_while_rsyslog_is_down_arrive_after_it_comes_back_with_none_lost()
    {
        await using var rsyslog = await RsyslogServer.StartAsync(Ct);
        await using var meshd = await MeshdProcess.StartAsync(null, Ct);
        await CreateEnvironmentAsync(meshd, "shop");
        using var client = meshd.CreateClient();
        await client.CreateDrainAsync("shop", new CreateDrainRequest { Url = rsyslog.Url }, Ct);
        await IngestAsync(meshd, "shop", ("before 1", "stdout"), ("before 2", "stdout"));
        await rsyslog.WaitForLinesAsync(2, Ct);

        await rsyslog.StopAsync(Ct);
        var down = await WaitForStatusAsync(meshd, "shop", d => !d.Connected && d.LastError is not null);
        await IngestAsync(meshd, "shop", ("during 1", "stdout"), ("during 2", "stderr"), ("during 3", "stdout"));
        await Task.Delay(500, Ct);
        await rsyslog.StartAgainAsync(Ct);
        var lines = await rsyslog.WaitForLinesAsync(5, Ct);
        var up = await WaitForStatusAsync(meshd, "shop", d => d.Connected && d.Forwarded == 5);

        Assert.Equal(["before 1", "before 2", "during 1", "during 2", "during 3"], Messages(lines));
        Assert.False(down.Connected);
        Assert.Null(up.LastError);
    }

    [Fact]
    public async Task A_meshd_restart_neither_loses_nor_repeats_lines()
    {
        await using var rsyslog = await RsyslogServer.StartAsync(Ct);
        await using var meshd = await MeshdProcess.StartAsync(null, Ct);
        await CreateEnvironmentAsync(meshd, "shop");
        using (var client = meshd.CreateClient())
        {
            await client.CreateDrainAsync("shop", new CreateDrainRequest { Url = rsyslog.Url }, Ct);
        }

        await IngestAsync(meshd, "shop", ("one", "stdout"), ("two", "stdout"));
        await rsyslog.WaitForLinesAsync(2, Ct);
        await meshd.RestartAsync(Ct);
        await IngestAsync(meshd, "shop", ("three", "stdout"));
        await rsyslog.WaitForLinesAsync(3, Ct);
        await Task.Delay(1000, Ct);

        Assert.Equal(["one", "two", "three"], Messages(rsyslog.Lines()));
        Assert.Equal(3, (await WaitForStatusAsync(meshd, "shop", d => d.Forwarded >= 1)).Cursor);
    }

    [Fact]
    public async Task Deleting_the_drain_stops_forwarding()
    {
        await using var rsyslog = await RsyslogServer.StartAsync(Ct);
        await using var meshd = await MeshdProcess.StartAsync(null, Ct);
        await CreateEnvironmentAsync(meshd, "shop");
        using var client = meshd.CreateClient();
        var drain = await client.CreateDrainAsync("shop", new CreateDrainRequest { Url = rsyslog.Url }, Ct);
        await IngestAsync(meshd, "shop", ("kept", "stdout"));
        await rsyslog.WaitForLinesAsync(1, Ct);

        await client.DeleteDrainAsync("shop", drain.Id, Ct);
        await IngestAsync(meshd, "shop", ("not forwarded", "stdout"));
        await Task.Delay(1500, Ct);

        Assert.Equal(["kept"], Messages(rsyslog.Lines()));
        Assert.Empty(await client.ListDrainsAsync("shop", Ct));
    }

    [Fact]
    public async Task Tls_drains_verify_the_server_certificate_and_deliver_the_lines()
    {
        await using var rsyslog = await RsyslogServer.StartAsync(tls: true, Ct);
        await using var meshd = await MeshdProcess.StartAsync(
            new MeshdOptions { Environment = new Dictionary<string, string> { ["SSL_CERT_FILE"] = rsyslog.CertificatePath } }, Ct);
        await CreateEnvironmentAsync(meshd, "shop");
        using var client = meshd.CreateClient();

        var drain = await client.CreateDrainAsync("shop", new CreateDrainRequest { Url = rsyslog.Url }, Ct);
        await IngestAsync(meshd, "shop", ("over tls", "stdout"));
        var lines = await rsyslog.WaitForLinesAsync(1, Ct);

        Assert.StartsWith("syslog+tls://", drain.Url, StringComparison.Ordinal);
        Assert.Equal(["over tls"], Messages(lines));
    }

    [Fact]
    public async Task A_tls_server_with_an_untrusted_certificate_gets_nothing_and_the_error_says_why()
    {
        await using var rsyslog = await RsyslogServer.StartAsync(tls: true, Ct);
        await using var meshd = await MeshdProcess.StartAsync(null, Ct);
        await CreateEnvironmentAsync(meshd, "shop");
        using var client = meshd.CreateClient();

        await client.CreateDrainAsync("shop", new CreateDrainRequest { Url = rsyslog.Url }, Ct);
        await IngestAsync(meshd, "shop", ("secret line", "stdout"));
        var failed = await WaitForStatusAsync(meshd, "shop", d => d.LastError is not null);

        Assert.False(failed.Connected);
        Assert.Equal(0, failed.Forwarded);
        Assert.Empty(rsyslog.Lines());
    }

    [Fact]
    public async Task A_damaged_drains_file_is_reported_and_meshd_still_starts()
    {
        await using var meshd = await MeshdProcess.StartAsync(null, Ct);
        await CreateEnvironmentAsync(meshd, "shop");
        await meshd.StopAsync(Ct);
        Directory.CreateDirectory(Path.Combine(meshd.DataDirectory, "drains"));
        await File.WriteAllTextAsync(Path.Combine(meshd.DataDirectory, "drains", "env_0000000000000000.json"), "[{\"id\":", Ct);

        await meshd.RestartAsync(Ct);
        using var client = meshd.CreateClient();

        Assert.Empty(await client.ListDrainsAsync("shop", Ct));
        Assert.Contains("cannot be read", meshd.Output, StringComparison.Ordinal);
    }

    internal static async Task CreateEnvironmentAsync(MeshdProcess meshd, string name)
    {
        using var client = meshd.CreateClient();
        await client.CreateRackAsync(new CreateRackRequest { Name = "r1" }, Ct);
        await client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name, Racks = ["r1"] }, Ct);
    }

    private static async Task IngestAsync(MeshdProcess meshd, string environment, params (string Message, string Stream)[] lines)
    {
        using var http = new HttpClient { BaseAddress = meshd.Endpoint };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", meshd.AdminToken);
        var body = new StringBuilder();
        foreach (var (message, stream) in lines)
        {
            body.Append(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["stack"] = "web",
                ["instance"] = "web-1",
                ["rack"] = "r1",
                ["stream"] = stream,
                ["message"] = message,
            })).Append('\n');
        }

        using var content = new StringContent(body.ToString(), Encoding.UTF8, "application/x-ndjson");
        using var response = await http.PostAsync(new Uri($"/v1/environments/{environment}/logs", UriKind.Relative), content, Ct);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<Drain> WaitForStatusAsync(MeshdProcess meshd, string environment, Func<Drain, bool> condition)
    {
        using var client = meshd.CreateClient();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        while (true)
        {
            var drain = (await client.ListDrainsAsync(environment, Ct)).Single();
            if (condition(drain) || DateTimeOffset.UtcNow > deadline)
            {
                return drain;
            }

            await Task.Delay(50, Ct);
        }
    }

    private static string[] Messages(string[] lines) => [.. lines.Select(line => line[(line.LastIndexOf('|') + 1)..])];
}
