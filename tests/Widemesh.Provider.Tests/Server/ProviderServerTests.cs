using Widemesh.Provider.Cty;
using Widemesh.Provider.Server;

namespace Widemesh.Provider.Tests.Server;

/// <summary>The provider called in process (as the CLI engine does) against a real meshd.</summary>
public sealed partial class ProviderServerTests(MeshdFixture fixture) : IClassFixture<MeshdFixture>
{
    private const string Rack = "widemesh_rack";
    private const string Environment = "widemesh_environment";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<ProviderSession> CreateSutAsync(string? token = null)
    {
        var session = new ProviderSession(new ProviderServer(new ProviderServerOptions { GetEnvironmentVariable = _ => null }));
        var configured = await session.ConfigureAsync(
            CtyValue.String(fixture.Meshd.Endpoint.ToString()),
            CtyValue.String(token ?? fixture.Meshd.AdminToken),
            Token);
        Assert.Empty(configured.Diagnostics);
        return session;
    }

    private static CtyValue RackConfig(string name) =>
        ProviderSession.Config(Rack, ("name", CtyValue.String(name)));

    private static CtyValue EnvironmentConfig(string name, params string[] racks) =>
        ProviderSession.Config(Environment, ("name", CtyValue.String(name)), ("racks", ProviderSession.Strings(racks)));

    private static string PathOf(Protocol.Tfplugin6.Diagnostic diagnostic) =>
        string.Join(".", diagnostic.Attribute?.Steps.Select(s => s.AttributeName is { Length: > 0 } n ? n : $"[{s.ElementKeyInt}]") ?? []).Replace(".[", "[", StringComparison.Ordinal);
}
