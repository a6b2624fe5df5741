using System.Net;
using System.Net.Sockets;
using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Terraform.Conformance;
using Widemesh.Testing.Terraform.Cty;

namespace Widemesh.Provider.Tests.Conformance;

/// <summary><c>data "widemesh_dns_propagation"</c> through the published provider against a real meshd.</summary>
public sealed class DnsPropagationDataSourceTests(ProviderUnderTest provider) : IClassFixture<ProviderUnderTest>
{
    private const string Type = "widemesh_dns_propagation";

    [Fact]
    public async Task An_unreachable_resolver_is_reported_per_resolver_and_not_propagated()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = provider.Meshd.CreateClient();
        var environment = await client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = "dnsprop", Racks = ["a"] }, ct);
        var rack = await client.GetRackAsync("a", ct);
        var closed = ClosedUdpPort();
        await using var walk = await provider.LaunchConfiguredAsync(ct);
        var config = CtyValue.Object(walk.Schemas.DataSource(Type).Block.ImpliedType(), new Dictionary<string, CtyValue>
        {
            ["environment"] = CtyValue.String("dnsprop"),
            ["resolvers"] = CtyValue.List(CtyType.String, [CtyValue.String($"127.0.0.1:{closed}")]),
        });

        var (state, diagnostics) = await walk.ReadDataSourceAsync(Type, config, ct);

        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(CtyValue.String(environment.Hostname), state.GetAttribute("hostname"));
        Assert.Equal(CtyValue.String(rack!.IngressAddress!), state.GetAttribute("expected_address"));
        Assert.Equal(CtyValue.Bool(false), state.GetAttribute("propagated"));
        var answer = Assert.Single(state.GetAttribute("answers").Elements);
        Assert.Equal(CtyValue.String($"127.0.0.1:{closed}"), answer.GetAttribute("resolver"));
        Assert.Equal(CtyValue.Bool(false), answer.GetAttribute("matches"));
        Assert.False(string.IsNullOrEmpty(answer.GetAttribute("error").StringValue));
        await client.DeleteEnvironmentAsync("dnsprop", null, ct);
    }

    [Fact]
    public async Task An_unknown_environment_is_an_error_on_the_environment_attribute()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var walk = await provider.LaunchConfiguredAsync(ct);
        var config = CtyValue.Object(walk.Schemas.DataSource(Type).Block.ImpliedType(), new Dictionary<string, CtyValue> { ["environment"] = CtyValue.String("nowhere") });

        var (_, diagnostics) = await walk.ReadDataSourceAsync(Type, config, ct);

        var error = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("no environment named \"nowhere\"", error.Detail, StringComparison.Ordinal);
    }

    private static int ClosedUdpPort()
    {
        using var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.Client.LocalEndPoint!).Port;
    }
}
