using System.Diagnostics;
using System.Text.Json.Nodes;
using Widemesh.Cli.Tests.Support;

namespace Widemesh.Cli.Tests.Commands.Env;

/// <summary>
/// <c>mesh env migrate</c> against a real meshd (DNS on, TTL 3 s) and a real Unbound that caches the old answer
/// (issue 6): the whole move, a crash after each step, <c>--abort</c> and bad input.
/// </summary>
public sealed partial class EnvMigrateCommandTests(MeshdFixture shared, EnvMigrateMeshdFixture fixture) : IClassFixture<EnvMigrateMeshdFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrate_adds_the_new_rack_waits_for_the_caching_resolver_and_the_ttl_then_removes_the_old_rack()
    {
        var bed = await MigrationBed.CreateAsync(shared, fixture, Ct);
        using var client = bed.CreateClient();
        await client.GetDnsPropagationAsync(bed.Environment, [fixture.Unbound!.ToString()], Ct);
        await using var watcher = new RackWatcher(client, bed.Environment);
        var clock = Stopwatch.StartNew();

        var result = await bed.Mesh.RunExpectingAsync(0, ["env", "migrate", bed.Environment, "--to", "new", "--yes", "--json", .. bed.ResolverArguments], Ct);

        clock.Stop();
        var events = Events(result.Out);
        var checks = events.Where(e => (string?)e["event"] == "check").ToList();
        Assert.Equal(["adding", "waiting", "removing"], events.Where(e => (string?)e["event"] == "step").Select(e => (string?)e["step"]));
        var lagging = checks.First(c => !(bool)c["propagated"]!);
        Assert.Equal([bed.Old.IngressAddress], lagging["resolvers"]![1]!["answers"]!.AsArray().Select(a => (string?)a));
        Assert.True((bool)checks[^1]["propagated"]!);
        Assert.Equal(0, (int)checks[^1]["ttlLeftSeconds"]!);
        Assert.Equal("done", (string?)events[^1]["event"]);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(EnvMigrateMeshdFixture.TtlSeconds), $"finished after {clock.Elapsed}, before the TTL ran out");
        Assert.Equal(["new"], await bed.RacksAsync(Ct));
        Assert.Null(await bed.MigrationAsync(Ct));
        Assert.Contains("racks = [\"new\"]", bed.Mesh.ReadWorkspaceFile($"environment_{bed.Environment}.tf"), StringComparison.Ordinal);
        Assert.Equal(["old", "old,new", "new"], await watcher.StopAsync(Ct));
    }

    [Fact]
    public async Task Migrate_without_json_prints_progress_lines_per_resolver_and_a_closing_line()
    {
        var bed = await MigrationBed.CreateAsync(shared, fixture, Ct);

        var result = await bed.Mesh.RunExpectingAsync(0, ["env", "migrate", bed.Environment, "--to", "new", "--yes", .. bed.ResolverArguments], Ct);

        Assert.Contains("step 1/3: adding rack 'new'", result.Error, StringComparison.Ordinal);
        Assert.Contains("step 2/3: waiting", result.Error, StringComparison.Ordinal);
        Assert.Contains($"waiting for DNS: 2 of 2 resolvers answer {bed.New.IngressAddress} (new)", result.Error, StringComparison.Ordinal);
        Assert.Contains($"{fixture.Unbound} {bed.New.IngressAddress}", result.Error, StringComparison.Ordinal);
        Assert.Contains("step 3/3: removing rack 'old'", result.Error, StringComparison.Ordinal);
        Assert.EndsWith($"Environment '{bed.Environment}' moved to rack 'new'; 'old' no longer hosts it (the rack stays).\n", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"step\":\"adding\"")]
    [InlineData("\"event\":\"check\"")]
    [InlineData("\"step\":\"removing\"")]
    public async Task Migrate_killed_at_any_step_resumes_when_run_again_and_the_environment_is_never_on_no_rack(string killAt)
    {
        var bed = await MigrationBed.CreateAsync(shared, fixture, Ct);
        using var client = bed.CreateClient();
        await using var watcher = new RackWatcher(client, bed.Environment);
        string[] args = ["env", "migrate", bed.Environment, "--to", "new", "--yes", "--json", .. bed.ResolverArguments];

        await MeshProcessKiller.RunUntilAsync(bed.Mesh, args, line => line.Contains(killAt, StringComparison.Ordinal), Ct);
        var racksAfterKill = await bed.RacksAsync(Ct);
        var recorded = await bed.MigrationAsync(Ct);
        var rerun = await bed.Mesh.RunProcessAsync(args, null, Ct);

        Assert.NotEmpty(racksAfterKill);
        Assert.True(recorded is not null || racksAfterKill is ["new"], $"no migration recorded while on {string.Join(',', racksAfterKill)}");
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Equal("done", (string?)Events(rerun.Out)[^1]["event"]);
        Assert.Equal(["new"], await bed.RacksAsync(Ct));
        Assert.Null(await bed.MigrationAsync(Ct));
        var seen = await watcher.StopAsync(Ct);
        Assert.DoesNotContain(string.Empty, seen);
        Assert.Equal("new", seen[^1]);
        Assert.All(seen, racks => Assert.Contains(racks, new[] { "old", "old,new", "new" }));
    }

    [Fact]
    public async Task Ctrl_c_while_waiting_exits_130_saying_how_to_continue_and_leaves_the_environment_on_both_racks()
    {
        var bed = await MigrationBed.CreateAsync(shared, fixture, Ct);
        string[] args = ["env", "migrate", bed.Environment, "--to", "new", "--yes", "--json", .. bed.ResolverArguments];

        var (lines, _, exitCode) = await MeshProcessKiller.InterruptAtAsync(bed.Mesh, args, line => line.Contains("\"event\":\"check\"", StringComparison.Ordinal), Ct);

        Assert.Equal(130, exitCode);
        Assert.Contains(lines, line => line.Contains("Interrupted: environment", StringComparison.Ordinal) && line.Contains("Run the same command again", StringComparison.Ordinal));
        Assert.Equal("cancelled", (string?)JsonNode.Parse(lines[^1])!["error"]!["code"]);
        Assert.Equal(["old", "new"], await bed.RacksAsync(Ct));
        Assert.Equal("waiting", (await bed.MigrationAsync(Ct))!.Step);
    }

    [Fact]
    public async Task Abort_points_dns_back_at_the_old_rack_first_then_removes_the_new_rack()
    {
        var bed = await MigrationBed.CreateAsync(shared, fixture, Ct);
        using var client = bed.CreateClient();
        await using var watcher = new RackWatcher(client, bed.Environment);
        await MeshProcessKiller.RunUntilAsync(
            bed.Mesh, ["env", "migrate", bed.Environment, "--to", "new", "--yes", "--json", .. bed.ResolverArguments], line => line.Contains("\"event\":\"check\"", StringComparison.Ordinal), Ct);

        var result = await bed.Mesh.RunExpectingAsync(0, ["env", "migrate", bed.Environment, "--abort", "--json"], Ct);

        var events = Events(result.Out);
        Assert.Equal(["new,old", "old"], events.Where(e => (string?)e["event"] == "step").Select(e => string.Join(',', e["racks"]!.AsArray().Select(r => (string?)r))));
        Assert.Equal(bed.Old.IngressAddress, (string?)events.Last(e => (string?)e["event"] == "check")["expectedAddress"]);
        Assert.Equal("aborted", (string?)events[^1]["event"]);
        Assert.Equal(["old"], await bed.RacksAsync(Ct));
        Assert.Null(await bed.MigrationAsync(Ct));
        Assert.Equal(["old", "old,new", "new,old", "old"], await watcher.StopAsync(Ct));
    }

    [Fact]
    public async Task Rerunning_a_finished_migration_succeeds_and_changes_nothing()
    {
        var bed = await MigrationBed.CreateAsync(shared, fixture, Ct);
        await bed.Mesh.RunExpectingAsync(0, ["env", "migrate", bed.Environment, "--to", "new", "--yes", .. bed.ResolverArguments], Ct);

        var again = await bed.Mesh.RunExpectingAsync(0, ["env", "migrate", bed.Environment, "--to", "new", "--yes"], Ct);

        Assert.Contains("already runs on rack 'new' only", again.Out, StringComparison.Ordinal);
        Assert.Equal(["new"], await bed.RacksAsync(Ct));
    }

    private static List<JsonNode> Events(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line) ?? throw new InvalidOperationException("a JSON null line"))];
}
