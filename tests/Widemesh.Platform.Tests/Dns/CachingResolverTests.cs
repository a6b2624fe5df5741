using System.Diagnostics;
using DnsClient;
using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Dns;

namespace Widemesh.Platform.Tests.Dns;

/// <summary>Propagation through a real caching resolver (Unbound) that forwards the zone to meshd: the old answer lives until its TTL runs out.</summary>
public sealed class CachingResolverTests(DnsMeshdFixture fixture) : IClassFixture<DnsMeshdFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_caching_resolver_keeps_the_old_rack_until_the_ttl_runs_out_and_the_check_reports_it()
    {
        var (unbound, skip) = await UnboundHost.StartAsync(DnsMeshdFixture.Zone, fixture.DnsEndPoint, Ct);
        if (unbound is null)
        {
            Assert.Skip(skip!);
        }

        await using var resolver = unbound;
        using var client = fixture.CreateClient();
        var racks = await fixture.NewRacksAsync(client, 2, Ct);
        var (old, next) = (racks[0], racks[1]);
        var environment = await fixture.NewEnvironmentAsync(client, [old], Ct);
        string[] resolvers = [fixture.DnsEndPoint.ToString(), resolver.EndPoint.ToString()];
        Assert.Equal(old.IngressAddress, await AskAsync(resolver, environment.Hostname));

        await client.UpdateEnvironmentAsync(environment.Name, new UpdateEnvironmentRequest { Racks = [old.Name, next.Name] }, null, Ct);
        var switched = Stopwatch.StartNew();
        var during = await client.GetDnsPropagationAsync(environment.Name, resolvers, Ct);
        var after = during;
        while (!after.Propagated && switched.Elapsed < TimeSpan.FromSeconds(DnsMeshdFixture.TtlSeconds * 4))
        {
            await Task.Delay(200, Ct);
            after = await client.GetDnsPropagationAsync(environment.Name, resolvers, Ct);
        }

        Assert.False(during.Propagated);
        Assert.True(during.Resolvers[0].Matches, "meshd itself answers the new rack at once");
        Assert.Equal([old.IngressAddress!], during.Resolvers[1].Answers);
        Assert.InRange(during.Resolvers[1].Ttl ?? -1, 0, DnsMeshdFixture.TtlSeconds);
        Assert.True(after.Propagated, $"not propagated {switched.Elapsed} after the switch: {string.Join("; ", after.Resolvers.Select(r => $"{r.Resolver}={string.Join(',', r.Answers)} {r.Error}"))}");
        Assert.Equal([next.IngressAddress!], after.Resolvers[1].Answers);
        Assert.True(switched.Elapsed >= TimeSpan.FromSeconds(DnsMeshdFixture.TtlSeconds - 1), $"the cache let go after {switched.Elapsed}, before the TTL");
    }

    private static async Task<string?> AskAsync(UnboundHost resolver, string hostname)
    {
        var client = new LookupClient(new LookupClientOptions(new NameServer(resolver.EndPoint)) { UseCache = false, Retries = 0, Timeout = TimeSpan.FromSeconds(2), ThrowDnsErrors = false });
        var response = await client.QueryAsync(hostname, QueryType.A, cancellationToken: Ct);
        return response.Answers.ARecords().SingleOrDefault()?.Address.ToString();
    }
}
