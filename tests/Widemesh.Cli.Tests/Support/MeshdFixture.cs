using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Meshd;

namespace Widemesh.Cli.Tests.Support;

/// <summary>
/// One real meshd for the whole test assembly. Every test gets an account of its own (with its own
/// token) so racks and lists never mix; environment names are global, so tests use <see cref="Some"/> names.
/// </summary>
public sealed class MeshdFixture : IAsyncLifetime
{
    private MeshdProcess? _meshd;

    public MeshdProcess Meshd => _meshd ?? throw new InvalidOperationException("meshd has not started.");

    public async ValueTask InitializeAsync()
    {
        _meshd = await MeshdProcess.StartAsync(null, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (_meshd is not null)
        {
            await _meshd.DisposeAsync();
        }
    }

    /// <summary>A new account and a token for it.</summary>
    public async Task<string> CreateAccountTokenAsync(CancellationToken cancellationToken)
    {
        using var admin = Meshd.CreateClient();
        var account = Some.Name("acct");
        await admin.CreateAccountAsync(new CreateAccountRequest { Name = account }, cancellationToken);
        var token = await admin.CreateTokenAsync(new CreateTokenRequest { Name = "cli-tests", Account = account }, cancellationToken);
        return token.Token ?? throw new InvalidOperationException("POST /v1/tokens answered no secret.");
    }

    public WidemeshClient CreateClient(string token) => Meshd.CreateClient(token);
}
