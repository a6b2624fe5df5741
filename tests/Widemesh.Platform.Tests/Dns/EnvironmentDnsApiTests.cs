using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Widemesh.Platform.Tests.Support;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Tests.Dns;

/// <summary><c>/v1/environments/{name}/dns</c>, the propagation check, and racks' ingress addresses, on a real meshd.</summary>
public sealed class EnvironmentDnsApiTests(DnsMeshdFixture fixture) : IClassFixture<DnsMeshdFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Racks_get_distinct_loopback_ingress_addresses_from_127_0_1_1_up()
    {
        using var client = fixture.CreateClient();

        var racks = await fixture.NewRacksAsync(client, 3, Ct);

        Assert.All(racks, r => Assert.StartsWith("127.0.", r.IngressAddress, StringComparison.Ordinal));
        Assert.Equal(3, racks.Select(r => r.IngressAddress).Distinct().Count());
        Assert.Equal(racks[0].IngressAddress, (await client.GetRackAsync(racks[0].Name, Ct))!.IngressAddress);
    }

    [Theory]
    [InlineData("not-an-ip")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    public async Task A_bad_ingress_address_is_refused_naming_the_field(string address)
    {
        using var client = fixture.CreateClient();

        var error = await Assert.ThrowsAsync<WidemeshValidationException>(
            () => client.CreateRackAsync(new CreateRackRequest { Name = Some.Name("rack"), IngressAddress = address }, Ct));

        Assert.Equal("ingressAddress", error.Field);
        Assert.Contains("unicast IP address", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ingress_address_of_another_rack_is_a_conflict()
    {
        using var client = fixture.CreateClient();
        var taken = (await fixture.NewRacksAsync(client, 1, Ct))[0];

        var error = await Assert.ThrowsAsync<WidemeshConflictException>(
            () => client.CreateRackAsync(new CreateRackRequest { Name = Some.Name("rack"), IngressAddress = taken.IngressAddress }, Ct));

        Assert.Contains(taken.IngressAddress!, error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dns_endpoint_lists_the_records_of_the_last_rack()
    {
        using var client = fixture.CreateClient();
        var racks = await fixture.NewRacksAsync(client, 2, Ct);
        var environment = await fixture.NewEnvironmentAsync(client, racks, Ct);

        var dns = await client.GetEnvironmentDnsAsync(environment.Name, Ct);

        Assert.NotNull(dns);
        Assert.Equal(environment.Hostname, dns.Hostname);
        Assert.Equal(DnsMeshdFixture.TtlSeconds, dns.Ttl);
        Assert.Equal(racks[1].IngressAddress, dns.ExpectedAddress);
        Assert.Equal(
            [new DnsRecord { Type = "A", Value = racks[1].IngressAddress! }, new DnsRecord { Type = "TXT", Value = $"racks={racks[0].Name},{racks[1].Name}" }],
            dns.Records);
        Assert.Null(await client.GetEnvironmentDnsAsync(Some.Name("missing"), Ct));
    }

    [Fact]
    public async Task One_request_lists_the_records_of_every_environment_as_each_environments_own_endpoint_does()
    {
        using var client = fixture.CreateClient();
        var racks = await fixture.NewRacksAsync(client, 2, Ct);
        var first = await fixture.NewEnvironmentAsync(client, racks, Ct);
        var second = await fixture.NewEnvironmentAsync(client, [racks[1], racks[0]], Ct);

        var all = await client.ListEnvironmentDnsAsync(Ct);

        Assert.NotNull(all);
        Assert.Equal(all.Select(dns => dns.Environment).Order(StringComparer.Ordinal), all.Select(dns => dns.Environment));
        foreach (var environment in new[] { first, second })
        {
            var listed = Assert.Single(all, dns => dns.Environment == environment.Name);
            var own = await client.GetEnvironmentDnsAsync(environment.Name, Ct);
            Assert.Equal(own!.Records, listed.Records);
            Assert.Equal((own.Hostname, own.Ttl, own.ExpectedAddress, own.Environment), (listed.Hostname, listed.Ttl, listed.ExpectedAddress, listed.Environment));
        }

        Assert.Equal(racks[0].IngressAddress, all.Single(dns => dns.Environment == second.Name).ExpectedAddress);
    }

    [Fact]
    public async Task Propagation_is_complete_when_our_own_server_answers_the_new_rack()
    {
        using var client = fixture.CreateClient();
        var racks = await fixture.NewRacksAsync(client, 2, Ct);
        var environment = await fixture.NewEnvironmentAsync(client, racks, Ct);

        var propagation = await client.GetDnsPropagationAsync(environment.Name, [fixture.DnsEndPoint.ToString()], Ct);

        Assert.True(propagation.Propagated);
        Assert.Equal(racks[1].IngressAddress, propagation.ExpectedAddress);
        var answer = Assert.Single(propagation.Resolvers);
        Assert.Equal([racks[1].IngressAddress!], answer.Answers);
        Assert.True(answer.Matches);
        Assert.Null(answer.Error);
    }

    [Fact]
    public async Task An_unreachable_resolver_is_reported_within_the_timeout_not_waited_on()
    {
        using var client = fixture.CreateClient();
        var environment = await fixture.NewEnvironmentAsync(client, await fixture.NewRacksAsync(client, 1, Ct), Ct);
        var closed = ClosedUdpPort();

        var clock = Stopwatch.StartNew();
        var propagation = await client.GetDnsPropagationAsync(environment.Name, [fixture.DnsEndPoint.ToString(), $"127.0.0.1:{closed}"], Ct);
        clock.Stop();

        Assert.False(propagation.Propagated);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"the check took {clock.Elapsed}");
        var dead = Assert.Single(propagation.Resolvers, r => r.Resolver == $"127.0.0.1:{closed}");
        Assert.False(dead.Matches);
        Assert.Empty(dead.Answers);
        Assert.False(string.IsNullOrEmpty(dead.Error));
        Assert.True(Assert.Single(propagation.Resolvers, r => r.Resolver == fixture.DnsEndPoint.ToString()).Matches);
    }

    [Fact]
    public async Task By_default_the_check_asks_our_own_server_first()
    {
        using var client = fixture.CreateClient();
        var environment = await fixture.NewEnvironmentAsync(client, await fixture.NewRacksAsync(client, 1, Ct), Ct);

        var propagation = await client.GetDnsPropagationAsync(environment.Name, null, Ct);

        Assert.Equal(fixture.DnsEndPoint.ToString(), propagation.Resolvers[0].Resolver);
        Assert.True(propagation.Resolvers[0].Matches);
    }

    [Fact]
    public async Task A_malformed_resolver_is_refused_naming_the_field()
    {
        using var client = fixture.CreateClient();
        var environment = await fixture.NewEnvironmentAsync(client, await fixture.NewRacksAsync(client, 1, Ct), Ct);

        var error = await Assert.ThrowsAsync<WidemeshValidationException>(
            () => client.GetDnsPropagationAsync(environment.Name, ["dns.example.com"], Ct));

        Assert.Equal("resolver", error.Field);
    }

    private static int ClosedUdpPort()
    {
        using var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.Client.LocalEndPoint!).Port;
    }
}
