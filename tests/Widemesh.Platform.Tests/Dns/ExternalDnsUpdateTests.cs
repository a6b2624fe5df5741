using System.Diagnostics;
using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Meshd;

namespace Widemesh.Platform.Tests.Dns;

/// <summary>
/// RFC 2136 updates signed with TSIG from meshd to a real BIND on loopback, each test with its own named and
/// meshd. Everything is observed by asking BIND itself.
/// </summary>
public sealed class ExternalDnsUpdateTests
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Records_for_one_and_two_racks_reorder_and_removal_reach_bind()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var setup = await ExternalDnsSetup.StartAsync(ct);
        using var client = setup.CreateClient();
        var racks = await setup.NewRacksAsync(client, 2, ct);
        var (first, second) = (await setup.IngressOfAsync(client, racks[0], ct), await setup.IngressOfAsync(client, racks[1], ct));
        var name = Support.Some.Name("env");
        var hostname = ExternalDnsSetup.Hostname(name);

        await client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name, Racks = [racks[0]] }, ct);
        var (one, _) = await setup.WaitForBindAsync(hostname, a => a.Addresses.SequenceEqual([first]), Soon, ct);
        await client.UpdateEnvironmentAsync(name, new UpdateEnvironmentRequest { Racks = [racks[0], racks[1]] }, null, ct);
        var (two, _) = await setup.WaitForBindAsync(hostname, a => a.Addresses.SequenceEqual([second]), Soon, ct);
        await client.UpdateEnvironmentAsync(name, new UpdateEnvironmentRequest { Racks = [racks[1], racks[0]] }, null, ct);
        var (reordered, _) = await setup.WaitForBindAsync(hostname, a => a.Addresses.SequenceEqual([first]), Soon, ct);
        await client.UpdateEnvironmentAsync(name, new UpdateEnvironmentRequest { Racks = [racks[1]] }, null, ct);
        var (removed, _) = await setup.WaitForBindAsync(hostname, a => a.Addresses.SequenceEqual([second]) && a.Texts.SequenceEqual([$"racks={racks[1]}"]), Soon, ct);
        var status = await setup.WaitForStatusAsync(client, s => s.Pending == 0, Soon, ct);

        Assert.Equal([first], one.Addresses);
        Assert.Equal([$"racks={racks[0]}"], one.Texts);
        Assert.Equal([second], two.Addresses);
        Assert.Equal([$"racks={racks[0]},{racks[1]}"], two.Texts);
        Assert.Equal([first], reordered.Addresses);
        Assert.Equal([$"racks={racks[1]},{racks[0]}"], reordered.Texts);
        Assert.Equal([second], removed.Addresses);
        Assert.Equal([$"racks={racks[1]}"], removed.Texts);
        Assert.Equal(setup.Bind.EndPoint.ToString(), status.Server);
        Assert.Equal(ExternalDnsSetup.Zone, status.Zone);
        Assert.NotNull(status.LastSuccessAt);
        Assert.Null(status.LastError);
    }

    [Fact]
    public async Task Deleting_an_environment_removes_its_records_from_bind()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var setup = await ExternalDnsSetup.StartAsync(ct);
        using var client = setup.CreateClient();
        var racks = await setup.NewRacksAsync(client, 1, ct);
        var name = Support.Some.Name("env");
        var hostname = ExternalDnsSetup.Hostname(name);
        await client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name, Racks = [racks[0]] }, ct);
        var (present, _) = await setup.WaitForBindAsync(hostname, a => a.Addresses.Count == 1, Soon, ct);

        await client.DeleteEnvironmentAsync(name, null, ct);
        var (gone, _) = await setup.WaitForBindAsync(hostname, a => a.Addresses.Count == 0 && a.Texts.Count == 0, Soon, ct);

        Assert.Single(present.Addresses);
        Assert.Empty(gone.Addresses);
        Assert.Empty(gone.Texts);
        Assert.Equal("NotExistentDomain", gone.Rcode);
    }

    [Fact]
    public async Task A_wrong_tsig_secret_is_reported_as_badsig_and_meshd_keeps_serving()
    {
        var ct = TestContext.Current.CancellationToken;
        var wrongSecret = Testing.Dns.BindServer.NewSecret();
        await using var setup = await ExternalDnsSetup.StartAsync(ct, secret: wrongSecret);
        using var client = setup.CreateClient();
        var racks = await setup.NewRacksAsync(client, 1, ct);
        var name = Support.Some.Name("env");

        var created = await client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name, Racks = [racks[0]] }, ct);
        var status = await setup.WaitForStatusAsync(client, s => s.LastError is not null, Soon, ct);
        var (answer, _) = await setup.WaitForBindAsync(ExternalDnsSetup.Hostname(name), _ => true, Soon, ct);

        Assert.Equal(name, created.Name);
        Assert.Equal("BADSIG", status.LastError!.Rcode);
        Assert.Contains("meshd-key", status.LastError.Message, StringComparison.Ordinal);
        Assert.Contains(setup.Bind.EndPoint.ToString(), status.LastError.Message, StringComparison.Ordinal);
        Assert.Contains(ExternalDnsSetup.Zone, status.LastError.Message, StringComparison.Ordinal);
        Assert.True(status.Pending >= 1);
        Assert.Null(status.LastSuccessAt);
        Assert.Empty(answer.Addresses);
        Assert.DoesNotContain(wrongSecret, setup.Meshd.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(setup.Bind.Secret, setup.Meshd.Output, StringComparison.Ordinal);
        Assert.Contains("BADSIG", setup.Meshd.Output, StringComparison.Ordinal);
        Assert.NotNull(await client.GetEnvironmentAsync(name, ct));
    }

    [Fact]
    public async Task A_key_bind_does_not_know_is_reported_as_badkey()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var setup = await ExternalDnsSetup.StartAsync(ct, keyName: "stranger");
        using var client = setup.CreateClient();
        var racks = await setup.NewRacksAsync(client, 1, ct);

        await client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = Support.Some.Name("env"), Racks = [racks[0]] }, ct);
        var status = await setup.WaitForStatusAsync(client, s => s.LastError is not null, Soon, ct);

        Assert.Equal("BADKEY", status.LastError!.Rcode);
        Assert.Contains("does not know TSIG key 'stranger'", status.LastError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zone_that_does_not_grant_the_key_is_reported_as_refused_with_the_grant_to_add()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var setup = await ExternalDnsSetup.StartAsync(ct, grantUpdates: false);
        using var client = setup.CreateClient();
        var racks = await setup.NewRacksAsync(client, 1, ct);

        await client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = Support.Some.Name("env"), Racks = [racks[0]] }, ct);
        var status = await setup.WaitForStatusAsync(client, s => s.LastError is not null, Soon, ct);

        Assert.Equal("REFUSED", status.LastError!.Rcode);
        Assert.Contains("allow-update { key \"meshd-key\"; }", status.LastError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bind_down_is_reported_without_hanging_and_the_records_arrive_when_it_is_back()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var setup = await ExternalDnsSetup.StartAsync(ct);
        using var client = setup.CreateClient();
        var racks = await setup.NewRacksAsync(client, 1, ct);
        var name = Support.Some.Name("env");
        await setup.Bind.StopAsync();

        var clock = Stopwatch.StartNew();
        await client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name, Racks = [racks[0]] }, ct);
        var acknowledged = clock.Elapsed;
        var failing = await setup.WaitForStatusAsync(client, s => s.LastError is not null, TimeSpan.FromSeconds(15), ct);
        await setup.Bind.StartAgainAsync(ct);
        var (answer, _) = await setup.WaitForBindAsync(ExternalDnsSetup.Hostname(name), a => a.Addresses.Count == 1, TimeSpan.FromSeconds(45), ct);
        var recovered = await setup.WaitForStatusAsync(client, s => s.LastError is null && s.Pending == 0, Soon, ct);

        Assert.True(acknowledged < TimeSpan.FromSeconds(2), $"the API waited {acknowledged} on a dead DNS server");
        Assert.Contains(failing.LastError!.Rcode, new[] { "TIMEOUT", "NETWORK" });
        Assert.Contains(setup.Bind.EndPoint.ToString(), failing.LastError.Message, StringComparison.Ordinal);
        Assert.Equal([await setup.IngressOfAsync(client, racks[0], ct)], answer.Addresses);
        Assert.Null(recovered.LastError);
    }

    [Fact]
    public async Task A_restarted_meshd_reconciles_environments_bind_never_heard_of()
    {
        var ct = TestContext.Current.CancellationToken;
        var dataDirectory = Directory.CreateTempSubdirectory("widemesh-reconcile-").FullName;
        try
        {
            string name, ingress;
            await using (var offline = await MeshdProcess.StartAsync(new MeshdOptions { Zone = ExternalDnsSetup.Zone, DataDirectory = dataDirectory }, ct))
            {
                using var client = offline.CreateClient();
                var rack = await client.CreateRackAsync(new CreateRackRequest { Name = Support.Some.Name("rack") }, ct);
                name = (await client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = Support.Some.Name("env"), Racks = [rack.Name] }, ct)).Name;
                ingress = rack.IngressAddress!;
            }

            await using var setup = await ExternalDnsSetup.StartAsync(ct, dataDirectory: dataDirectory);
            var (answer, _) = await setup.WaitForBindAsync(ExternalDnsSetup.Hostname(name), a => a.Addresses.Count == 1, Soon, ct);

            Assert.Equal([ingress], answer.Addresses);
            Assert.Contains("reconciling 1 host names", setup.Meshd.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Records_of_an_environment_deleted_while_bind_was_down_are_removed_when_meshd_starts_again()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var setup = await ExternalDnsSetup.StartAsync(ct);
        using var client = setup.CreateClient();
        var racks = await setup.NewRacksAsync(client, 1, ct);
        var (kept, deleted) = (Support.Some.Name("env"), Support.Some.Name("env"));
        await client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = kept, Racks = [racks[0]] }, ct);
        await client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = deleted, Racks = [racks[0]] }, ct);
        await setup.WaitForBindAsync(ExternalDnsSetup.Hostname(deleted), a => a.Addresses.Count == 1, Soon, ct);
        await setup.Bind.StopAsync();
        await client.DeleteEnvironmentAsync(deleted, null, ct);
        await setup.Meshd.KillHardAsync(ct);
        await setup.Bind.StartAgainAsync(ct);

        await setup.Meshd.RestartAsync(ct);
        var (gone, _) = await setup.WaitForBindAsync(ExternalDnsSetup.Hostname(deleted), a => a.Addresses.Count == 0 && a.Texts.Count == 0, Soon, ct);
        var still = await setup.AskBindAsync(ExternalDnsSetup.Hostname(kept), ct);

        Assert.Empty(gone.Addresses);
        Assert.Empty(gone.Texts);
        Assert.Single(still.Addresses);
        Assert.Contains("1 of them no longer exist", setup.Meshd.Output, StringComparison.Ordinal);
    }
}
