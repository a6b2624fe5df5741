using System.Net;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Tests.Runtime;

/// <summary>The runtime's part of a migration: the rack that stays is never disturbed while the other comes or goes.</summary>
public sealed partial class LocalRuntimeTests
{
    [Fact]
    public async Task During_a_migration_the_rack_that_serves_clients_never_fails_a_request()
    {
        await using var bed = await RuntimeBed.StartAsync(Ct);
        var old = await bed.NewRackAsync(Ct);
        var next = await bed.NewRackAsync(Ct);
        var publicPort = RuntimeSome.Port();
        var environment = await bed.CreateAsync([old.Name], WebStack(publicPort), KvService(), Ct);
        await bed.WaitServingAsync(environment.Name, 2, Ct);

        // Step 1: clients still use the old rack while the new one is added.
        var onOld = await WhileRequestingAsync(old.IngressAddress!, publicPort, async () =>
        {
            await bed.Client.UpdateEnvironmentAsync(environment.Name, new UpdateEnvironmentRequest { Racks = [old.Name, next.Name] }, null, Ct);
            await bed.WaitServingAsync(environment.Name, 4, Ct);
        }, Ct);

        // Step 2: DNS has moved them to the new rack; the old one is taken away.
        var onNext = await WhileRequestingAsync(next.IngressAddress!, publicPort, async () =>
        {
            await bed.Client.UpdateEnvironmentAsync(environment.Name, new UpdateEnvironmentRequest { Racks = [next.Name] }, null, Ct);
            await bed.WaitInstancesAsync(environment.Name, i => i.Count == 2 && i.All(x => x.Rack == next.Name), "the old rack to be gone", Ct);
        }, Ct);

        Assert.True(onOld.Succeeded > 5, $"only {onOld.Succeeded} requests went through on the old rack");
        Assert.Equal([], onOld.Failures);
        Assert.True(onNext.Succeeded > 5, $"only {onNext.Succeeded} requests went through on the new rack");
        Assert.Equal([], onNext.Failures);
    }

    private static async Task<(int Succeeded, List<string> Failures)> WhileRequestingAsync(string address, int port, Func<Task> change, CancellationToken cancellationToken)
    {
        using var stop = new CancellationTokenSource();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var succeeded = 0;
        var failures = new List<string>();
        var client = Task.Run(async () =>
        {
            // A few requests before, during and after the change.
            while (!stop.IsCancellationRequested || succeeded < 6)
            {
                try
                {
                    using var response = await http.GetAsync(new Uri($"http://{address}:{port}/"), cancellationToken);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        succeeded++;
                    }
                    else
                    {
                        failures.Add($"HTTP {(int)response.StatusCode}");
                    }
                }
                catch (HttpRequestException exception)
                {
                    failures.Add(exception.Message);
                }

                await Task.Delay(20, cancellationToken);
            }
        }, cancellationToken);
        await Task.Delay(200, cancellationToken);
        await change();
        await stop.CancelAsync();
        await client;
        return (succeeded, failures);
    }
}
