using System.Net;
using Widemesh.Cli.Tests.Support;
using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Dns;
using Widemesh.Testing.Meshd;

namespace Widemesh.Cli.Tests.Commands.Env;

/// <summary>
/// A meshd with its DNS server on and a TTL of <see cref="TtlSeconds"/>, and a real Unbound that forwards the zone to
/// it and caches each answer for that TTL: the lagging resolver that <c>mesh env migrate</c> has to wait for.
/// </summary>
public sealed class EnvMigrateMeshdFixture : IAsyncLifetime
{
    public const int TtlSeconds = 3;

    public const string Zone = "widemesh.internal";

    private MeshdProcess? _meshd;
    private UnboundHost? _unbound;

    public MeshdProcess Meshd => _meshd ?? throw new InvalidOperationException("meshd has not started.");

    /// <summary>Unbound's address, or null when it could not be started (see <see cref="SkipReason"/>).</summary>
    public IPEndPoint? Unbound => _unbound?.EndPoint;

    public string? SkipReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        _meshd = await MeshdProcess.StartAsync(
            new MeshdOptions { Dns = true, Zone = Zone, ExtraArguments = ["--dns-ttl", $"{TtlSeconds}s"] },
            CancellationToken.None);
        (_unbound, SkipReason) = await UnboundHost.StartAsync(Zone, _meshd.DnsEndPoint!, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (_unbound is not null)
        {
            await _unbound.DisposeAsync();
        }

        if (_meshd is not null)
        {
            await _meshd.DisposeAsync();
        }
    }

    /// <summary>A new account on this meshd and a token for it.</summary>
    public async Task<string> CreateAccountTokenAsync(CancellationToken cancellationToken)
    {
        using var admin = Meshd.CreateClient();
        var account = Some.Name("acct");
        await admin.CreateAccountAsync(new CreateAccountRequest { Name = account }, cancellationToken);
        var token = await admin.CreateTokenAsync(new CreateTokenRequest { Name = "cli-tests", Account = account }, cancellationToken);
        return token.Token ?? throw new InvalidOperationException("POST /v1/tokens answered no secret.");
    }
}
