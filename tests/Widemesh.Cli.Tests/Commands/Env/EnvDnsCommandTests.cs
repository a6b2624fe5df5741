using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Widemesh.Cli.Tests.Support;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Cli.Tests.Commands.Env;

public sealed class EnvDnsCommandTests(MeshdFixture shared, EnvDnsMeshdFixture fixture) : IClassFixture<EnvDnsMeshdFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Env_dns_says_propagated_and_exits_0_when_meshd_s_own_server_answers_the_last_rack()
    {
        var bed = await CreateBedAsync();

        var result = await bed.Mesh.RunExpectingAsync(0, ["env", "dns", bed.Environment, "--resolver", fixture.Meshd.DnsEndPoint!.ToString()], Ct);

        var lines = result.Out.TrimEnd().Split('\n');
        Assert.Equal($"hostname  {bed.Environment}.widemesh.internal", lines[0]);
        Assert.Matches(@"^ttl       \d+s$", lines[1]);
        Assert.Equal($"records   A     {bed.NewRack.IngressAddress}", lines[2]);
        Assert.Equal($"          TXT   racks={bed.OldRack.Name},{bed.NewRack.Name}", lines[3]);
        Assert.Equal($"expected  {bed.NewRack.IngressAddress}", lines[4]);
        Assert.StartsWith("RESOLVER", lines[6], StringComparison.Ordinal);
        Assert.Matches($@"^{Regex(fixture.Meshd.DnsEndPoint.ToString())}\s+{Regex(bed.NewRack.IngressAddress!)}\s+\d+s\s+yes$", lines[7]);
        Assert.Equal("propagated", lines[^1]);
    }

    [Fact]
    public async Task Env_dns_reports_an_unreachable_resolver_with_its_error_and_exits_11_within_seconds()
    {
        var bed = await CreateBedAsync();
        var closed = ClosedUdpEndPoint();
        var clock = Stopwatch.StartNew();

        var result = await bed.Mesh.RunExpectingAsync(11, ["env", "dns", bed.Environment, "--resolver", fixture.Meshd.DnsEndPoint!.ToString(), "--resolver", closed.ToString()], Ct);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"mesh env dns took {clock.Elapsed}.");
        var line = Assert.Single(result.Out.Split('\n'), l => l.StartsWith(closed + " ", StringComparison.Ordinal));
        Assert.Matches(@"^\S+\s+-\s+-\s+no\s+\S", line);
        Assert.EndsWith("not propagated yet: 1 of 2 resolvers answer the new rack\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Env_dns_json_has_the_documented_shape()
    {
        var bed = await CreateBedAsync();
        var closed = ClosedUdpEndPoint();

        var result = await bed.Mesh.RunProcessAsync(["env", "dns", bed.Environment, "--json", "--resolver", fixture.Meshd.DnsEndPoint!.ToString(), "--resolver", closed.ToString()], null, Ct);

        Assert.Equal(11, result.ExitCode);
        var json = result.Json;
        Assert.Equal(bed.Environment, (string?)json["environment"]);
        Assert.Equal($"{bed.Environment}.widemesh.internal", (string?)json["hostname"]);
        Assert.True((int)json["ttl"]! > 0);
        Assert.Equal(bed.NewRack.IngressAddress, (string?)json["expectedAddress"]);
        Assert.False((bool)json["propagated"]!);
        Assert.Equal(1, (int)json["matching"]!);
        Assert.Equal(["A", "TXT"], json["records"]!.AsArray().Select(r => (string?)r!["type"]));
        Assert.Equal($"racks={bed.OldRack.Name},{bed.NewRack.Name}", (string?)json["records"]![1]!["value"]);
        var resolvers = json["resolvers"]!.AsArray();
        Assert.Equal(2, resolvers.Count);
        Assert.Equal(fixture.Meshd.DnsEndPoint.ToString(), (string?)resolvers[0]!["resolver"]);
        Assert.Equal([bed.NewRack.IngressAddress], resolvers[0]!["answers"]!.AsArray().Select(a => (string?)a));
        Assert.True((bool)resolvers[0]!["matches"]!);
        Assert.Null(resolvers[0]!["error"]);
        Assert.Equal(closed.ToString(), (string?)resolvers[1]!["resolver"]);
        Assert.Empty(resolvers[1]!["answers"]!.AsArray());
        Assert.True(resolvers[1]!.AsObject().ContainsKey("ttl"));
        Assert.False((bool)resolvers[1]!["matches"]!);
        Assert.False(string.IsNullOrEmpty((string?)resolvers[1]!["error"]));
    }

    [Fact]
    public async Task Env_dns_refuses_an_unknown_environment_listing_the_account_s_environments()
    {
        var bed = await CreateBedAsync();

        var result = await bed.Mesh.RunExpectingAsync(5, ["env", "dns", "not-there"], Ct);

        Assert.Contains("'not-there'", result.Error, StringComparison.Ordinal);
        Assert.Contains(bed.Environment, result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Theory]
    [InlineData("not-an-ip")]
    [InlineData("127.0.0.1:99999")]
    public async Task Env_dns_refuses_a_bad_resolver_naming_the_option(string resolver)
    {
        var bed = await CreateBedAsync();

        var result = await bed.Mesh.RunExpectingAsync(2, ["env", "dns", bed.Environment, "--resolver", resolver], Ct);

        Assert.Contains($"--resolver: '{resolver}'", result.Error, StringComparison.Ordinal);
    }

    private static string Regex(string text) => System.Text.RegularExpressions.Regex.Escape(text);

    private static IPEndPoint ClosedUdpEndPoint()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return (IPEndPoint)socket.LocalEndPoint!;
    }

    private async Task<(MeshCli Mesh, string Environment, Sdk.Contracts.Rack OldRack, Sdk.Contracts.Rack NewRack)> CreateBedAsync()
    {
        var mesh = await MeshCli.CreateAsync(shared, Ct);
        var token = await fixture.CreateAccountTokenAsync(Ct);
        mesh.Variables["WIDEMESH_ENDPOINT"] = fixture.Meshd.Endpoint.ToString();
        mesh.Variables["WIDEMESH_TOKEN"] = token;
        using var client = fixture.Meshd.CreateClient(token);
        var oldRack = await client.CreateRackAsync(new CreateRackRequest { Name = Some.Name("rack") }, Ct);
        var newRack = await client.CreateRackAsync(new CreateRackRequest { Name = Some.Name("rack") }, Ct);
        var environment = Some.Name();
        await client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = environment, Racks = [oldRack.Name, newRack.Name] }, Ct);
        return (mesh, environment, oldRack, newRack);
    }
}
