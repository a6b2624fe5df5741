using System.Diagnostics;
using DnsClient;
using DnsClient.Protocol;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Tests.Dns;

/// <summary>meshd's embedded DNS server, asked over the wire (UDP unless said otherwise) with DnsClient.</summary>
public sealed class AuthoritativeDnsServerTests(DnsMeshdFixture fixture) : IClassFixture<DnsMeshdFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_environment_on_one_rack_answers_its_ingress_address_and_lists_its_rack()
    {
        using var client = fixture.CreateClient();
        var racks = await fixture.NewRacksAsync(client, 1, Ct);
        var environment = await fixture.NewEnvironmentAsync(client, racks, Ct);

        var a = await fixture.CreateDnsClient().QueryAsync(environment.Hostname, QueryType.A, cancellationToken: Ct);
        var txt = await fixture.CreateDnsClient().QueryAsync(environment.Hostname, QueryType.TXT, cancellationToken: Ct);

        Assert.Equal(DnsHeaderResponseCode.NoError, a.Header.ResponseCode);
        Assert.True(a.Header.HasAuthorityAnswer);
        var record = Assert.Single(a.Answers.ARecords());
        Assert.Equal(racks[0].IngressAddress, record.Address.ToString());
        Assert.Equal(DnsMeshdFixture.TtlSeconds, record.InitialTimeToLive);
        Assert.Equal($"racks={racks[0].Name}", Assert.Single(Assert.Single(txt.Answers.TxtRecords()).Text));
    }

    [Fact]
    public async Task Two_racks_point_at_the_last_and_reordering_or_removing_moves_the_answer()
    {
        using var client = fixture.CreateClient();
        var racks = await fixture.NewRacksAsync(client, 2, Ct);
        var (old, next) = (racks[0], racks[1]);
        var environment = await fixture.NewEnvironmentAsync(client, [old, next], Ct);

        var both = await AnswerAsync(environment.Hostname);
        await client.UpdateEnvironmentAsync(environment.Name, new UpdateEnvironmentRequest { Racks = [next.Name, old.Name] }, null, Ct);
        var reordered = await AnswerAsync(environment.Hostname);
        await client.UpdateEnvironmentAsync(environment.Name, new UpdateEnvironmentRequest { Racks = [next.Name] }, null, Ct);
        var removed = await AnswerAsync(environment.Hostname);

        Assert.Equal((next.IngressAddress, $"racks={old.Name},{next.Name}"), both);
        Assert.Equal((old.IngressAddress, $"racks={next.Name},{old.Name}"), reordered);
        Assert.Equal((next.IngressAddress, $"racks={next.Name}"), removed);
    }

    [Fact]
    public async Task Deleting_the_environment_makes_its_name_nxdomain_with_the_soa_in_authority()
    {
        using var client = fixture.CreateClient();
        var environment = await fixture.NewEnvironmentAsync(client, await fixture.NewRacksAsync(client, 1, Ct), Ct);

        await client.DeleteEnvironmentAsync(environment.Name, null, Ct);
        var response = await fixture.CreateDnsClient().QueryAsync(environment.Hostname, QueryType.A, cancellationToken: Ct);

        Assert.Equal(DnsHeaderResponseCode.NotExistentDomain, response.Header.ResponseCode);
        Assert.True(response.Header.HasAuthorityAnswer);
        Assert.Empty(response.Answers);
        Assert.Equal($"{DnsMeshdFixture.Zone}.", Assert.Single(response.Authorities.SoaRecords()).DomainName.Value);
    }

    [Theory]
    [InlineData("example.com")]
    [InlineData("widemesh.internal")]
    [InlineData("test")]
    public async Task Names_outside_the_zone_are_refused(string name)
    {
        var response = await fixture.CreateDnsClient().QueryAsync(name, QueryType.A, cancellationToken: Ct);

        Assert.Equal(DnsHeaderResponseCode.Refused, response.Header.ResponseCode);
        Assert.Empty(response.Answers);
    }

    [Fact]
    public async Task A_known_name_without_the_asked_type_answers_no_data()
    {
        using var client = fixture.CreateClient();
        var environment = await fixture.NewEnvironmentAsync(client, await fixture.NewRacksAsync(client, 1, Ct), Ct);

        var response = await fixture.CreateDnsClient().QueryAsync(environment.Hostname, QueryType.AAAA, cancellationToken: Ct);

        Assert.Equal(DnsHeaderResponseCode.NoError, response.Header.ResponseCode);
        Assert.Empty(response.Answers);
        Assert.Single(response.Authorities.SoaRecords());
    }

    [Fact]
    public async Task The_apex_answers_soa_and_ns_and_the_serial_grows_with_every_change()
    {
        using var client = fixture.CreateClient();
        var racks = await fixture.NewRacksAsync(client, 2, Ct);

        var before = await SerialAsync();
        var environment = await fixture.NewEnvironmentAsync(client, racks, Ct);
        var afterCreate = await SerialAsync();
        await client.UpdateEnvironmentAsync(environment.Name, new UpdateEnvironmentRequest { Racks = [racks[1].Name, racks[0].Name] }, null, Ct);
        var afterUpdate = await SerialAsync();
        var ns = await fixture.CreateDnsClient().QueryAsync(DnsMeshdFixture.Zone, QueryType.NS, cancellationToken: Ct);

        Assert.True(afterCreate > before, $"serial {afterCreate} after a create is not above {before}");
        Assert.True(afterUpdate > afterCreate, $"serial {afterUpdate} after an update is not above {afterCreate}");
        Assert.Equal($"ns.{DnsMeshdFixture.Zone}.", Assert.Single(ns.Answers.NsRecords()).NSDName.Value);
    }

    [Fact]
    public async Task Tcp_gives_the_same_answers_as_udp()
    {
        using var client = fixture.CreateClient();
        var racks = await fixture.NewRacksAsync(client, 1, Ct);
        var environment = await fixture.NewEnvironmentAsync(client, racks, Ct);

        var response = await fixture.CreateDnsClient(tcpOnly: true).QueryAsync(environment.Hostname, QueryType.A, cancellationToken: Ct);
        var missing = await fixture.CreateDnsClient(tcpOnly: true).QueryAsync("nobody." + DnsMeshdFixture.Zone, QueryType.A, cancellationToken: Ct);

        Assert.Equal(racks[0].IngressAddress, Assert.Single(response.Answers.ARecords()).Address.ToString());
        Assert.Equal(DnsHeaderResponseCode.NotExistentDomain, missing.Header.ResponseCode);
    }

    [Fact]
    public async Task An_ipv6_ingress_is_answered_as_aaaa()
    {
        using var client = fixture.CreateClient();
        var rack = await client.CreateRackAsync(new CreateRackRequest { Name = Support.Some.Name("rack"), IngressAddress = "fd00::" + Random.Shared.Next(1, 0xffff).ToString("x") }, Ct);
        var environment = await fixture.NewEnvironmentAsync(client, [rack], Ct);

        var response = await fixture.CreateDnsClient().QueryAsync(environment.Hostname, QueryType.AAAA, cancellationToken: Ct);

        Assert.Equal(rack.IngressAddress, Assert.Single(response.Answers.AaaaRecords()).Address.ToString());
    }

    [Fact]
    public async Task A_change_is_answered_within_one_second_of_the_patch()
    {
        using var client = fixture.CreateClient();
        var racks = await fixture.NewRacksAsync(client, 2, Ct);
        var environment = await fixture.NewEnvironmentAsync(client, [racks[0]], Ct);
        var dns = fixture.CreateDnsClient();

        await client.UpdateEnvironmentAsync(environment.Name, new UpdateEnvironmentRequest { Racks = [racks[0].Name, racks[1].Name] }, null, Ct);
        var clock = Stopwatch.StartNew();
        string? answer = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(1) && answer != racks[1].IngressAddress)
        {
            var response = await dns.QueryAsync(environment.Hostname, QueryType.A, cancellationToken: Ct);
            answer = response.Answers.ARecords().SingleOrDefault()?.Address.ToString();
        }

        Assert.Equal(racks[1].IngressAddress, answer);
    }

    private async Task<(string? Address, string? Racks)> AnswerAsync(string hostname)
    {
        var a = await fixture.CreateDnsClient().QueryAsync(hostname, QueryType.A, cancellationToken: Ct);
        var txt = await fixture.CreateDnsClient().QueryAsync(hostname, QueryType.TXT, cancellationToken: Ct);
        return (a.Answers.ARecords().SingleOrDefault()?.Address.ToString(), txt.Answers.TxtRecords().SingleOrDefault()?.Text.Single());
    }

    private async Task<uint> SerialAsync()
    {
        var response = await fixture.CreateDnsClient().QueryAsync(DnsMeshdFixture.Zone, QueryType.SOA, cancellationToken: Ct);
        Assert.True(response.Header.HasAuthorityAnswer);
        return Assert.Single(response.Answers.SoaRecords()).Serial;
    }
}
