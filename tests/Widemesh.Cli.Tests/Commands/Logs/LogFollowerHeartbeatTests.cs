using System.Diagnostics;
using Widemesh.Cli.Commands.Logs;
using Widemesh.Cli.Tests.Support;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts.Logs;

namespace Widemesh.Cli.Tests.Commands.Logs;

/// <summary>A follow whose connection goes silent (no line, no heartbeat) is declared dead and resumed with its cursor.</summary>
public sealed class LogFollowerHeartbeatTests(MeshdFixture fixture)
{
    [Fact]
    public async Task A_follow_silent_for_three_heartbeats_reconnects_and_resumes_without_loss_or_repeat()
    {
        var ct = TestContext.Current.CancellationToken;
        var bed = await LogsTestBed.CreateAsync(fixture, 1, ct);
        await using var proxy = new BlackholeProxy(fixture.Meshd.Endpoint);
        using var client = new WidemeshClient(new WidemeshClientOptions { Endpoint = proxy.Endpoint, Token = bed.Mesh.Variables["WIDEMESH_TOKEN"] });
        var notes = new List<string>();
        var follower = new LogFollower(client, bed.Environment, new LogQueryOptions { Since = TimeSpan.FromMinutes(5), Follow = true, Heartbeat = TimeSpan.FromSeconds(1) }, TimeProvider.System)
        {
            Note = note => { lock (notes) { notes.Add(note); } },
        };
        await bed.IngestAsync(ct, LogsTestBed.Line("before"));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(TimeSpan.FromSeconds(15));
        await using var lines = follower.ReadAsync(stop.Token).GetAsyncEnumerator(stop.Token);

        Assert.True(await lines.MoveNextAsync());
        var before = lines.Current;
        proxy.BlackholeOpenConnections();
        var cut = Stopwatch.StartNew();
        await bed.IngestAsync(ct, LogsTestBed.Line("during"), LogsTestBed.Line("after"));
        Assert.True(await lines.MoveNextAsync());
        var during = lines.Current;
        var resumedAfter = cut.Elapsed;
        Assert.True(await lines.MoveNextAsync());
        var after = lines.Current;

        Assert.Equal("before", before.Message);
        Assert.Equal(["during", "after"], [during.Message, after.Message]);
        Assert.Equal([before.Seq + 1, before.Seq + 2], [during.Seq, after.Seq]);
        Assert.InRange(resumedAfter, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(10));
        Assert.Equal(2, proxy.Connections);
        Assert.Contains(notes, n => n.Contains("lost", StringComparison.Ordinal));
    }
}
