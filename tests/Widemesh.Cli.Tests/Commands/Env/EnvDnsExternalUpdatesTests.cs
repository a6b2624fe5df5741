using Widemesh.Cli.Tests.Support;
using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Dns;
using Widemesh.Testing.Meshd;

namespace Widemesh.Cli.Tests.Commands.Env;

/// <summary><c>mesh env dns</c> says when meshd's RFC 2136 updates to an external server (a real BIND here) fail.</summary>
public sealed class EnvDnsExternalUpdatesTests(MeshdFixture shared)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Env_dns_shows_a_line_and_a_json_field_when_external_updates_fail()
    {
        var (bind, skip) = await BindServer.StartAsync("widemesh.internal", "meshd-key", Ct);
        if (bind is null)
        {
            Assert.Skip(skip!);
        }

        await using var _ = bind;
        var keyDirectory = Some.TempDirectory();
        var keyFile = await BindServer.WriteKeyFileAsync(Path.Combine(keyDirectory, "stranger.key"), "stranger", BindServer.NewSecret(), Ct);
        await using var meshd = await MeshdProcess.StartAsync(
            new MeshdOptions { Dns = true, ExtraArguments = ["--dns-update", bind.EndPoint.ToString(), "--dns-tsig-key", keyFile] }, Ct);
        using var client = meshd.CreateClient();
        var rack = await client.CreateRackAsync(new CreateRackRequest { Name = Some.Name("rack") }, Ct);
        var environment = Some.Name();
        await client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = environment, Racks = [rack.Name] }, Ct);
        while ((await client.GetDnsStatusAsync(Ct)).External!.LastError is null)
        {
            await Task.Delay(100, Ct);
        }

        var mesh = await MeshCli.CreateAsync(shared, Ct);
        mesh.Variables["WIDEMESH_ENDPOINT"] = meshd.Endpoint.ToString();
        mesh.Variables["WIDEMESH_TOKEN"] = meshd.AdminToken;

        var text = await mesh.RunExpectingAsync(0, ["env", "dns", environment, "--resolver", meshd.DnsEndPoint!.ToString()], Ct);
        var json = await mesh.RunExpectingAsync(0, ["env", "dns", environment, "--json", "--resolver", meshd.DnsEndPoint!.ToString()], Ct);

        var line = Assert.Single(text.Out.Split('\n'), l => l.StartsWith("external  ", StringComparison.Ordinal));
        Assert.Contains($"updates to {bind.EndPoint} (zone widemesh.internal) are failing", line, StringComparison.Ordinal);
        Assert.Contains("none accepted yet: BADKEY:", line, StringComparison.Ordinal);
        Assert.Equal("propagated", text.Out.TrimEnd().Split('\n')[^1]);
        var external = json.Json["externalUpdates"]!;
        Assert.Equal(bind.EndPoint.ToString(), (string?)external["server"]);
        Assert.Equal("BADKEY", (string?)external["lastError"]!["rcode"]);
        Assert.True((int)external["pending"]! >= 1);
    }
}
