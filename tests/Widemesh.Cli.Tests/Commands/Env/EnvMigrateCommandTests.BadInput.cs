using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Cli.Tests.Commands.Env;

public sealed partial class EnvMigrateCommandTests
{
    [Fact]
    public async Task Migrate_to_an_unknown_rack_is_refused_listing_the_racks_to_choose_from()
    {
        var bed = await MigrationBed.CreateAsync(shared, fixture, Ct);

        var result = await bed.Mesh.RunExpectingAsync(5, ["env", "migrate", bed.Environment, "--to", "nowhere", "--yes"], Ct);

        Assert.Contains("--to: rack 'nowhere' does not exist (your other racks: new)", result.Error, StringComparison.Ordinal);
        Assert.Null(await bed.MigrationAsync(Ct));
    }

    [Fact]
    public async Task Migrate_to_a_rack_the_environment_is_already_on_is_refused()
    {
        var bed = await MigrationBed.CreateAsync(shared, fixture, Ct);
        await bed.Mesh.RunExpectingAsync(0, ["env", "update", bed.Environment, "--rack", "old,new"], Ct);

        var result = await bed.Mesh.RunExpectingAsync(6, ["env", "migrate", bed.Environment, "--to", "old", "--yes"], Ct);

        Assert.Contains($"--to: environment '{bed.Environment}' already runs on rack 'old' (its racks: old, new)", result.Error, StringComparison.Ordinal);
        Assert.Null(await bed.MigrationAsync(Ct));
    }

    [Fact]
    public async Task Migrate_of_an_unknown_environment_is_refused_listing_the_environments()
    {
        var bed = await MigrationBed.CreateAsync(shared, fixture, Ct);

        var result = await bed.Mesh.RunExpectingAsync(5, ["env", "migrate", "not-there", "--to", "new", "--yes"], Ct);

        Assert.Contains("Environment 'not-there' does not exist", result.Error, StringComparison.Ordinal);
        Assert.Contains(bed.Environment, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_to_another_rack_while_a_migration_is_recorded_is_refused_naming_it()
    {
        var bed = await MigrationBed.CreateAsync(shared, fixture, Ct);
        using var client = bed.CreateClient();
        await client.CreateRackAsync(new CreateRackRequest { Name = "third" }, Ct);
        await client.CreateMigrationAsync(
            bed.Environment,
            new MigrationRequest { From = ["old"], To = "new", Step = MigrationSteps.Adding, StartedAt = DateTimeOffset.UtcNow, TtlSeconds = 3 },
            Ct);

        var result = await bed.Mesh.RunExpectingAsync(6, ["env", "migrate", bed.Environment, "--to", "third", "--yes"], Ct);

        Assert.Contains("is already migrating to rack 'new'", result.Error, StringComparison.Ordinal);
        Assert.Contains($"mesh env migrate {bed.Environment} --abort", result.Error, StringComparison.Ordinal);
        Assert.Equal(["old"], await bed.RacksAsync(Ct));
    }

    [Fact]
    public async Task An_unreachable_resolver_is_reported_and_the_timeout_ends_the_wait_with_exit_11_on_both_racks()
    {
        var bed = await MigrationBed.CreateAsync(shared, fixture, Ct);
        var closed = ClosedUdpEndPoint();
        var clock = Stopwatch.StartNew();

        var result = await bed.Mesh.RunExpectingAsync(
            11, ["env", "migrate", bed.Environment, "--to", "new", "--yes", "--timeout", "3s", "--resolver", fixture.Meshd.DnsEndPoint!.ToString(), "--resolver", closed.ToString()], Ct);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.Contains($"{closed} no answer [", result.Error, StringComparison.Ordinal);
        Assert.Contains("Gave up waiting after 3s: 1 of 2 resolvers do not answer rack 'new'", result.Error, StringComparison.Ordinal);
        Assert.Equal(["old", "new"], await bed.RacksAsync(Ct));
        Assert.Equal(MigrationSteps.Waiting, (await bed.MigrationAsync(Ct))!.Step);
    }

    [Fact]
    public async Task Migrate_without_a_terminal_needs_yes_and_changes_nothing_without_it()
    {
        var bed = await MigrationBed.CreateAsync(shared, fixture, Ct);

        var result = await bed.Mesh.RunExpectingAsync(2, ["env", "migrate", bed.Environment, "--to", "new"], Ct);

        Assert.Contains("pass --yes", result.Error, StringComparison.Ordinal);
        Assert.Equal(["old"], await bed.RacksAsync(Ct));
        Assert.Null(await bed.MigrationAsync(Ct));
    }

    [Fact]
    public async Task Migrate_of_an_environment_outside_the_workspace_suggests_export_and_records_nothing()
    {
        var bed = await MigrationBed.CreateAsync(shared, fixture, Ct);
        var elsewhere = Path.Combine(bed.Mesh.Home, "empty-workspace");

        var result = await bed.Mesh.RunExpectingAsync(5, ["env", "migrate", bed.Environment, "--to", "new", "--yes", "--workspace", elsewhere], Ct);

        Assert.Contains("mesh export", result.Error, StringComparison.Ordinal);
        Assert.Null(await bed.MigrationAsync(Ct));
        Assert.Equal(["old"], await bed.RacksAsync(Ct));
    }

    [Fact]
    public async Task Abort_without_a_migration_in_progress_says_there_is_nothing_to_abort()
    {
        var bed = await MigrationBed.CreateAsync(shared, fixture, Ct);

        var result = await bed.Mesh.RunExpectingAsync(5, ["env", "migrate", bed.Environment, "--abort"], Ct);

        Assert.Contains("has no migration in progress", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--to", "new", "--resolver", "not-an-ip" }, "--resolver: 'not-an-ip'")]
    [InlineData(new[] { "--to", "new", "--timeout", "soon" }, "--timeout:")]
    [InlineData(new[] { "--yes" }, "--to: say which rack")]
    [InlineData(new[] { "--to", "Bad_Name" }, "--to")]
    public async Task Migrate_refuses_bad_options_while_parsing_naming_the_option(string[] options, string expected)
    {
        var bed = await MigrationBed.CreateAsync(shared, fixture, Ct);

        var result = await bed.Mesh.RunExpectingAsync(2, ["env", "migrate", bed.Environment, .. options], Ct);

        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    private static IPEndPoint ClosedUdpEndPoint()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return (IPEndPoint)socket.LocalEndPoint!;
    }
}
