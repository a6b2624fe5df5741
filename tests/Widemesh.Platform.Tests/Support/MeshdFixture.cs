using System.Net.Http.Headers;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Meshd;

namespace Widemesh.Platform.Tests.Support;

/// <summary>One real meshd process shared by the tests of the assembly that do not stop or kill it.</summary>
public sealed class MeshdFixture : IAsyncLifetime
{
    private MeshdProcess? _meshd;

    public MeshdProcess Meshd => _meshd ?? throw new InvalidOperationException("meshd is not started yet.");

    public async ValueTask InitializeAsync() => _meshd = await MeshdProcess.StartAsync(null, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_meshd is not null)
        {
            await _meshd.DisposeAsync();
        }
    }

    /// <summary>Creates a fresh account with a token, and returns a client that uses it.</summary>
    public async Task<TestAccount> NewAccountAsync(CancellationToken cancellationToken)
    {
        using var admin = Meshd.CreateClient();
        var account = await admin.CreateAccountAsync(new CreateAccountRequest { Name = Some.Name("acct") }, cancellationToken);
        var token = await admin.CreateTokenAsync(new CreateTokenRequest { Name = "test", Account = account.Name }, cancellationToken);
        return new TestAccount(account.Name, token.Token!, Meshd.CreateClient(token.Token));
    }

    /// <summary>A raw HTTP client for sending what the SDK never would.</summary>
    public HttpClient CreateHttpClient(string? token)
    {
        var http = new HttpClient { BaseAddress = Meshd.Endpoint };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }
}
