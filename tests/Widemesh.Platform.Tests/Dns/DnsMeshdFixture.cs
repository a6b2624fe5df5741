using System.Net;
using DnsClient;
using Widemesh.Platform.Tests.Support;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Meshd;

namespace Widemesh.Platform.Tests.Dns;

/// <summary>A real meshd with its DNS server on a free loopback port, a short TTL, and DNS clients that ask it over the wire.</summary>
public sealed class DnsMeshdFixture : IAsyncLifetime
{
    public const string Zone = "mesh.test";
    public const int TtlSeconds = 2;

    private MeshdProcess? _meshd;

    public MeshdProcess Meshd => _meshd ?? throw new InvalidOperationException("meshd is not started yet.");

    public IPEndPoint DnsEndPoint => Meshd.DnsEndPoint ?? throw new InvalidOperationException("meshd runs without DNS.");

    public async ValueTask InitializeAsync() => _meshd = await MeshdProcess.StartAsync(
        new MeshdOptions { Dns = true, Zone = Zone, ExtraArguments = ["--dns-ttl", $"{TtlSeconds}s"] },
        TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_meshd is not null)
        {
            await _meshd.DisposeAsync();
        }
    }

    public WidemeshClient CreateClient() => Meshd.CreateClient();

    /// <summary>A DNS client of meshd's server alone: no cache, no retries, errors returned rather than thrown.</summary>
    public LookupClient CreateDnsClient(bool tcpOnly = false) => new(new LookupClientOptions(new NameServer(DnsEndPoint))
    {
        UseCache = false,
        Retries = 0,
        Timeout = TimeSpan.FromSeconds(2),
        ThrowDnsErrors = false,
        ContinueOnDnsError = false,
        ContinueOnEmptyResponse = false,
        UseTcpOnly = tcpOnly,
    });

    /// <summary>Creates racks with fresh names and returns them in the order given.</summary>
    public async Task<Rack[]> NewRacksAsync(WidemeshClient client, int count, CancellationToken cancellationToken)
    {
        var racks = new Rack[count];
        for (var i = 0; i < count; i++)
        {
            racks[i] = await client.CreateRackAsync(new CreateRackRequest { Name = Some.Name("rack") }, cancellationToken);
        }

        return racks;
    }

    public Task<EnvironmentInfo> NewEnvironmentAsync(WidemeshClient client, IEnumerable<Rack> racks, CancellationToken cancellationToken) =>
        client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = Some.Name("env"), Racks = [.. racks.Select(r => r.Name)] }, cancellationToken);
}
