using System.Net;
using System.Net.Sockets;
using DnsClient;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Tests.Runtime;

/// <summary>meshd points DNS at a new rack only once that rack's ingress listens, and takes a rack away only after DNS left it.</summary>
public sealed partial class LocalRuntimeTests
{
    [Fact]
    public async Task Dns_answers_a_new_rack_only_once_its_ingress_accepts_connections()
    {
        await using var bed = await RuntimeBed.StartAsync([], Ct, dns: true);
        var old = await bed.NewRackAsync(Ct);
        var next = await bed.NewRackAsync(Ct);
        var publicPort = RuntimeSome.Port();
        var environment = await bed.CreateAsync([old.Name], WebStack(publicPort), KvService(), Ct);
        await bed.WaitServingAsync(environment.Name, 2, Ct);
        var dns = new LookupClient(new LookupClientOptions(bed.Meshd.DnsEndPoint!) { UseCache = false, Timeout = TimeSpan.FromSeconds(1), Retries = 0 });
        using var stop = new CancellationTokenSource();
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var newAnswers = 0;
        var refused = new List<string>();

        // Ask DNS as fast as a client can while the new rack is added; whenever it answers the new rack, connect there at once.
        var watcher = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var answer = await dns.QueryAsync(environment.Hostname, QueryType.A, cancellationToken: Ct);
                asked.TrySetResult();
                if (answer.Answers.ARecords().FirstOrDefault()?.Address.ToString() == next.IngressAddress)
                {
                    newAnswers++;
                    using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    try
                    {
                        await socket.ConnectAsync(IPAddress.Parse(next.IngressAddress!), publicPort, Ct);
                    }
                    catch (SocketException exception)
                    {
                        refused.Add($"answer {newAnswers}: {exception.SocketErrorCode}");
                    }

                    if (newAnswers >= 20)
                    {
                        enough.TrySetResult();
                    }
                }
            }
        }, Ct);
        await asked.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await bed.Client.UpdateEnvironmentAsync(environment.Name, new UpdateEnvironmentRequest { Racks = [old.Name, next.Name] }, null, Ct);
        await Task.WhenAny(enough.Task, Task.Delay(TimeSpan.FromSeconds(10), Ct));
        await stop.CancelAsync();
        await watcher;

        Assert.True(newAnswers > 0, "DNS never answered the new rack");
        Assert.Equal([], refused);
    }
}
