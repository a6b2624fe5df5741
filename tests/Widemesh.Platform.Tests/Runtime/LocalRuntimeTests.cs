using System.Net;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Tests.Runtime;

/// <summary>Local racks run environments for real, through the real meshd (root and network namespaces needed).</summary>
public sealed partial class LocalRuntimeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deploy_runs_stacks_and_a_service_that_reach_each_other_by_name_and_answer_on_the_ingress()
    {
        await using var bed = await RuntimeBed.StartAsync(Ct);
        var rack = await bed.NewRackAsync(Ct);
        var publicPort = RuntimeSome.Port();

        var environment = await bed.CreateAsync(
            [rack.Name],
            [
                new StackSpec { Name = "web", Command = RuntimeCommands.HttpServer, Port = 8080, PublicPort = publicPort, HealthCheck = new HealthCheckSpec { Path = "/" } },
                new StackSpec { Name = "worker", Command = RuntimeCommands.Asker("kv", 7000) },
            ],
            [new ServiceSpec { Name = "kv", Command = RuntimeCommands.HttpServer, Port = 7000 }],
            Ct);
        var instances = await bed.WaitServingAsync(environment.Name, 3, Ct);
        using var http = new HttpClient();
        var ingress = await http.GetAsync(new Uri($"http://{rack.IngressAddress}:{publicPort}/"), Ct);
        string[] logs = [];
        await RuntimeWait.UntilAsync(
            async () => (logs = await bed.LogsAsync(environment.Name, "since=5m&stack=worker", Ct)).Any(l => l.Contains("kv says 200", StringComparison.Ordinal)),
            "the worker to log kv's answer",
            Ct);

        Assert.Equal(HttpStatusCode.OK, ingress.StatusCode);
        Assert.Equal(["kv", "web", "worker"], instances.Select(i => i.Name));
        Assert.Equal("healthy", instances.Single(i => i.Name == "web").State);
        Assert.Equal("127.42.1.1:8080", instances.Single(i => i.Name == "web").Address);
        var line = logs.First(l => l.Contains("kv says 200", StringComparison.Ordinal));
        Assert.Contains($"\"rack\":\"{rack.Name}\"", line, StringComparison.Ordinal);
        Assert.Contains("\"stack\":\"worker\"", line, StringComparison.Ordinal);
        Assert.Contains("\"instance\":\"worker.1\"", line, StringComparison.Ordinal);
        Assert.Contains("\"stream\":\"stdout\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scaling_starts_and_stops_instances_without_restarting_the_others()
    {
        await using var bed = await RuntimeBed.StartAsync(Ct);
        var rack = await bed.NewRackAsync(Ct);
        var environment = await bed.CreateAsync([rack.Name], [new StackSpec { Name = "sleeper", Command = RuntimeCommands.Sleeper }], null, Ct);
        var one = await bed.WaitServingAsync(environment.Name, 1, Ct);

        await bed.Client.UpdateEnvironmentAsync(environment.Name, new UpdateEnvironmentRequest { Stacks = [new StackSpec { Name = "sleeper", Command = RuntimeCommands.Sleeper, Instances = 3 }] }, null, Ct);
        var three = await bed.WaitServingAsync(environment.Name, 3, Ct);
        await bed.Client.UpdateEnvironmentAsync(environment.Name, new UpdateEnvironmentRequest { Stacks = [new StackSpec { Name = "sleeper", Command = RuntimeCommands.Sleeper, Instances = 1 }] }, null, Ct);
        var back = await bed.WaitInstancesAsync(environment.Name, i => i.Count == 1, "one instance left", Ct);

        Assert.Equal(["sleeper.1", "sleeper.2", "sleeper.3"], three.Select(i => i.Id));
        Assert.Equal(3, three.Select(i => i.Pid).Distinct().Count());
        Assert.Equal(one[0].Pid, three[0].Pid);
        Assert.Equal(one[0].Pid, back[0].Pid);
        await RuntimeWait.UntilAsync(() => !RuntimeBed.Alive(three[1].Pid!.Value) && !RuntimeBed.Alive(three[2].Pid!.Value), "scaled-down processes to end", TimeSpan.FromSeconds(10), Ct);
    }

    [Fact]
    public async Task A_crashing_instance_is_restarted_with_backoff_and_counted()
    {
        await using var bed = await RuntimeBed.StartAsync(Ct);
        var rack = await bed.NewRackAsync(Ct);
        var environment = await bed.CreateAsync([rack.Name], [new StackSpec { Name = "crasher", Command = "echo boom >&2; exit 1" }], null, Ct);

        var instances = await bed.WaitInstancesAsync(environment.Name, i => i.Count == 1 && i[0].Restarts >= 2 && i[0].State == "crashed", "two restarts, then a crash", Ct);

        var crasher = instances[0];
        Assert.Equal(1, crasher.LastExitCode);
        Assert.Contains("exited with code 1", crasher.Message, StringComparison.Ordinal);
        Assert.Contains("boom", crasher.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_that_does_not_exist_crashes_with_a_clear_message()
    {
        await using var bed = await RuntimeBed.StartAsync(Ct);
        var rack = await bed.NewRackAsync(Ct);
        var environment = await bed.CreateAsync([rack.Name], [new StackSpec { Name = "missing", Command = "no-such-command-here --port 1" }], null, Ct);

        var instances = await bed.WaitInstancesAsync(environment.Name, i => i.Count == 1 && i[0].State == "crashed", "the instance to crash", Ct);

        var missing = instances[0];
        Assert.Equal(127, missing.LastExitCode);
        Assert.Contains("command was not found", missing.Message, StringComparison.Ordinal);
        Assert.Contains("no-such-command-here: not found", missing.Message, StringComparison.Ordinal);
    }
}
