using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Widemesh.Provider.Cty;
using Widemesh.Provider.Server;

namespace Widemesh.Provider.Tests.Server;

public sealed class ProviderServerStopTests
{
    [Fact]
    public async Task Stop_provider_cancels_a_plan_waiting_on_a_platform_that_does_not_answer()
    {
        var token = TestContext.Current.CancellationToken;
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<Socket>();
        var accepting = Task.Run(async () =>
        {
            while (!token.IsCancellationRequested)
            {
                accepted.Add(await silent.AcceptSocketAsync(token));
            }
        }, token);
        using var sut = new ProviderSession(new ProviderServer(new ProviderServerOptions { GetEnvironmentVariable = _ => null, RequestTimeout = TimeSpan.FromMinutes(1) }));
        await sut.ConfigureAsync(CtyValue.String($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}"), CtyValue.String("t"), token);
        var config = ProviderSession.Config("widemesh_rack", ("name", CtyValue.String("slow")));

        var clock = Stopwatch.StartNew();
        var plan = sut.PlanAsync("widemesh_rack", CtyValue.Null(ProviderSession.TypeOf("widemesh_rack")), config, token);
        await Task.Delay(300, token);
        await sut.Server.StopProviderAsync(new(), token);
        var outcome = await plan.WaitAsync(TimeSpan.FromSeconds(5), token);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Contains("Cancelled", Assert.Single(outcome.Response.Diagnostics).Summary, StringComparison.Ordinal);
        foreach (var socket in accepted)
        {
            socket.Dispose();
        }
    }
}
