using System.Net;
using DnsClient;
using Widemesh.Testing.Meshd;

namespace Widemesh.Platform.Tests.Apis;

/// <summary>
/// The test harness against a port another meshd already holds. Before this was checked, a second meshd
/// whose port had been taken was "ready" as soon as the first one answered, and its tests then talked to
/// the wrong server with the wrong token (a CI run failed that way).
/// </summary>
public sealed class MeshdPortCollisionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_second_meshd_on_a_taken_http_port_moves_to_a_free_one_and_answers_itself()
    {
        await using var first = await MeshdProcess.StartAsync(null, Ct);

        await using var second = await MeshdProcess.StartAsync(new MeshdOptions { Port = first.Endpoint.Port }, Ct);

        Assert.NotEqual(first.Endpoint, second.Endpoint);
        Assert.NotEqual(first.AdminToken, second.AdminToken);
        using var client = second.CreateClient();
        Assert.True((await client.WhoAmIAsync(Ct)).Admin);
    }

    [Fact]
    public async Task A_second_meshd_on_a_taken_dns_port_moves_to_a_free_one_and_answers_for_its_own_zone()
    {
        await using var first = await MeshdProcess.StartAsync(new MeshdOptions { Dns = true, Zone = "first.test" }, Ct);

        await using var second = await MeshdProcess.StartAsync(
            new MeshdOptions { Dns = true, Zone = "second.test", DnsPort = first.DnsEndPoint!.Port }, Ct);

        Assert.NotEqual(first.DnsEndPoint, second.DnsEndPoint);
        var dns = new LookupClient(new LookupClientOptions(new NameServer(second.DnsEndPoint!)) { UseCache = false, Retries = 1, Timeout = TimeSpan.FromSeconds(2) });
        var answer = await dns.QueryAsync("second.test", QueryType.SOA, cancellationToken: Ct);
        Assert.Equal(DnsHeaderResponseCode.NoError, answer.Header.ResponseCode);
        Assert.Single(answer.Answers.SoaRecords());
    }
}
