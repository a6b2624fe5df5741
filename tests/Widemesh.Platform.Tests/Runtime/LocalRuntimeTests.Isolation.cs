using System.Net;
using System.Net.Sockets;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Tests.Runtime;

/// <summary>Environments cannot reach each other; ports someone else holds are reported, not fought over.</summary>
public sealed partial class LocalRuntimeTests
{
    [Fact]
    public async Task An_instance_cannot_reach_another_environments_instance_by_address_or_name()
    {
        await using var bed = await RuntimeBed.StartAsync(Ct);
        var rack = await bed.NewRackAsync(Ct);
        var a = await bed.CreateAsync([rack.Name], [new StackSpec { Name = "alpha", Command = RuntimeCommands.HttpServer, Port = 8000 }], null, Ct);
        var b = await bed.CreateAsync([rack.Name], [new StackSpec { Name = "beta", Command = RuntimeCommands.HttpServer, Port = 9000 }], null, Ct);
        var betaAddress = (await bed.WaitServingAsync(b.Name, 1, Ct))[0].Address!.Split(':')[0];
        var alphaAddress = (await bed.WaitServingAsync(a.Name, 1, Ct))[0].Address!.Split(':')[0];
        var nsA = bed.Namespace(a.Name, rack.Name);
        var nsB = bed.Namespace(b.Name, rack.Name);

        var ownFromA = await RuntimeShell.ConnectFromAsync(nsA, alphaAddress, 8000, Ct);
        var ownByNameFromA = await RuntimeShell.ConnectFromAsync(nsA, "alpha", 8000, Ct);
        var betaFromA = await RuntimeShell.ConnectFromAsync(nsA, betaAddress, 9000, Ct);
        var betaByNameFromA = await RuntimeShell.ConnectFromAsync(nsA, "beta", 9000, Ct);
        var alphaFromB = await RuntimeShell.ConnectFromAsync(nsB, alphaAddress, 8000, Ct);
        var betaFromHost = await ConnectFromHostAsync(betaAddress, 9000, Ct);

        Assert.Equal("connected", ownFromA);
        Assert.Equal("connected", ownByNameFromA);
        Assert.StartsWith("ConnectionRefusedError", betaFromA, StringComparison.Ordinal);
        Assert.StartsWith("gaierror", betaByNameFromA, StringComparison.Ordinal);
        Assert.StartsWith("ConnectionRefusedError", alphaFromB, StringComparison.Ordinal);
        Assert.Equal(SocketError.ConnectionRefused, betaFromHost);
    }

    [Fact]
    public async Task A_public_port_held_by_another_process_is_reported_and_taken_once_free()
    {
        await using var bed = await RuntimeBed.StartAsync(Ct);
        var rack = await bed.NewRackAsync(Ct);
        var publicPort = RuntimeSome.Port();
        var squatter = new TcpListener(IPAddress.Parse(rack.IngressAddress!), publicPort);
        squatter.Start();
        InstanceInfo[] reported;
        try
        {
            var environment = await bed.CreateAsync([rack.Name], WebStack(publicPort), null, Ct);
            reported = [.. await bed.WaitInstancesAsync(
                environment.Name, i => i.Count == 1 && i[0].Message?.Contains("already in use", StringComparison.Ordinal) == true, "the clash to be reported", Ct)];
        }
        finally
        {
            squatter.Stop();
            squatter.Dispose();
        }

        await RuntimeWait.UntilAsync(() => AnswersAsync(rack.IngressAddress!, publicPort, Ct), "the ingress to take the freed port", TimeSpan.FromSeconds(20), Ct);

        Assert.Contains($"public port {publicPort}", reported[0].Message, StringComparison.Ordinal);
        Assert.Contains("stop that process or pick another publicPort", reported[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_isolation_instances_run_on_127_0_0_1_behind_the_ingress_and_a_taken_port_is_a_clear_crash()
    {
        await using var bed = await RuntimeBed.StartAsync(["--isolation", "none"], Ct);
        var rack = await bed.NewRackAsync(Ct);
        var port = RuntimeSome.Port();
        var taken = new TcpListener(IPAddress.Loopback, RuntimeSome.Port());
        taken.Start();
        try
        {
            var takenPort = ((IPEndPoint)taken.LocalEndpoint).Port;
            var publicPort = RuntimeSome.Port();
            var free = await bed.CreateAsync([rack.Name], [new StackSpec { Name = "web", Command = RuntimeCommands.HttpServer, Port = port, PublicPort = publicPort }], null, Ct);
            var clash = await bed.CreateAsync([rack.Name], [new StackSpec { Name = "web", Command = RuntimeCommands.HttpServer, Port = takenPort }], null, Ct);

            var running = await bed.WaitServingAsync(free.Name, 1, Ct);
            var crashed = await bed.WaitInstancesAsync(clash.Name, i => i.Count == 1 && i[0].State == "crashed", "the clash to crash", Ct);

            Assert.Equal($"127.0.0.1:{port}", running[0].Address);
            Assert.True(await AnswersAsync("127.0.0.1", port, Ct));
            Assert.True(await AnswersAsync(rack.IngressAddress!, publicPort, Ct), "the ingress forwards without namespaces too");
            Assert.Contains($"port {takenPort} is already in use", crashed[0].Message, StringComparison.Ordinal);
        }
        finally
        {
            taken.Stop();
            taken.Dispose();
        }
    }

    private static async Task<SocketError> ConnectFromHostAsync(string address, int port, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(IPAddress.Parse(address), port, cancellationToken);
            return SocketError.Success;
        }
        catch (SocketException exception)
        {
            return exception.SocketErrorCode;
        }
    }
}
