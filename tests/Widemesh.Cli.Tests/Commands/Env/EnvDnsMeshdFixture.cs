using Widemesh.Cli.Tests.Support;
using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Meshd;

namespace Widemesh.Cli.Tests.Commands.Env;

/// <summary>
/// A meshd with its authoritative DNS server on (the assembly's shared meshd runs without it), for
/// <c>mesh env dns</c>: its DNS listener is the resolver that answers the new rack at once.
/// </summary>
public sealed class EnvDnsMeshdFixture : IAsyncLifetime
{
    private MeshdProcess? _meshd;

    public MeshdProcess Meshd => _meshd ?? throw new InvalidOperationException("meshd has not started.");

    public async ValueTask InitializeAsync()
    {
        _meshd = await MeshdProcess.StartAsync(new MeshdOptions { Dns = true }, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
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
