using System.Net;
using System.Net.Sockets;
using Widemesh.Platform.Racks.Local;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Tests.Runtime;

/// <summary>Deleting an environment, taking it off a rack and restarting meshd leave nothing behind.</summary>
public sealed partial class LocalRuntimeTests
{
    [Fact]
    public async Task Deleting_an_environment_frees_its_processes_namespace_port_and_files()
    {
        await using var bed = await RuntimeBed.StartAsync(Ct);
        var rack = await bed.NewRackAsync(Ct);
        var publicPort = RuntimeSome.Port();
        var environment = await bed.CreateAsync([rack.Name], WebStack(publicPort), KvService(), Ct);
        var instances = await bed.WaitServingAsync(environment.Name, 2, Ct);
        var ns = bed.Namespace(environment.Name, rack.Name);
        var directory = bed.Layout.EnvironmentDirectory(rack.Id, environment.Id);
        var existedBefore = NetworkNamespaces.Exists(ns) && Directory.Exists(directory) && Directory.Exists($"/etc/netns/{ns}");
        var answeredBefore = await AnswersAsync(rack.IngressAddress!, publicPort, Ct);

        await bed.Client.DeleteEnvironmentAsync(environment.Name, null, Ct);

        Assert.True(existedBefore, "the namespace, its /etc/netns folder and the environment's directory should exist while it runs");
        Assert.True(answeredBefore);
        AssertGone(instances, ns, directory);
        Assert.False(await AnswersAsync(rack.IngressAddress!, publicPort, Ct), $"nothing should listen on {rack.IngressAddress}:{publicPort} any more");
    }

    [Fact]
    public async Task An_environment_on_two_racks_runs_on_both_and_taking_one_rack_away_frees_it_there()
    {
        await using var bed = await RuntimeBed.StartAsync(Ct);
        var old = await bed.NewRackAsync(Ct);
        var next = await bed.NewRackAsync(Ct);
        var publicPort = RuntimeSome.Port();
        var environment = await bed.CreateAsync([old.Name, next.Name], WebStack(publicPort), KvService(), Ct);
        var both = await bed.WaitServingAsync(environment.Name, 4, Ct);
        var answeredOnBoth = await AnswersAsync(old.IngressAddress!, publicPort, Ct) && await AnswersAsync(next.IngressAddress!, publicPort, Ct);

        await bed.Client.UpdateEnvironmentAsync(environment.Name, new UpdateEnvironmentRequest { Racks = [next.Name] }, null, Ct);
        var left = await bed.Client.ListInstancesAsync(environment.Name, Ct);

        Assert.True(answeredOnBoth, "each rack's ingress should serve the environment");
        Assert.Equal(2, both.Count(i => i.Rack == old.Name));
        Assert.Equal(2, both.Count(i => i.Rack == next.Name));
        AssertGone([.. both.Where(i => i.Rack == old.Name)], bed.Namespace(environment.Name, old.Name), bed.Layout.EnvironmentDirectory(old.Id, environment.Id));
        Assert.False(await AnswersAsync(old.IngressAddress!, publicPort, Ct), "the old rack's ingress should be closed");
        Assert.True(await AnswersAsync(next.IngressAddress!, publicPort, Ct), "the remaining rack keeps serving");
        Assert.All(left, i => Assert.Equal(next.Name, i.Rack));
        Assert.Equal(both.Where(i => i.Rack == next.Name).Select(i => i.Pid), left.Select(i => i.Pid));
    }

    [Fact]
    public async Task A_meshd_killed_with_sigkill_starts_its_environments_again_and_orphans_nothing()
    {
        await using var bed = await RuntimeBed.StartAsync(Ct);
        var rack = await bed.NewRackAsync(Ct);
        var publicPort = RuntimeSome.Port();
        var environment = await bed.CreateAsync([rack.Name], WebStack(publicPort), KvService(), Ct);
        var before = await bed.WaitServingAsync(environment.Name, 2, Ct);
        var ns = bed.Namespace(environment.Name, rack.Name);
        var survivedTheCrash = before.All(i => RuntimeBed.Alive(i.Pid!.Value));

        await bed.CrashAndRestartAsync(Ct);
        var after = await bed.WaitServingAsync(environment.Name, 2, Ct);
        var inNamespace = await NetworkNamespaces.PidsAsync(ns, Ct);

        Assert.True(survivedTheCrash);
        Assert.All(before, i => Assert.False(RuntimeBed.Alive(i.Pid!.Value), $"{i.Id} of the first meshd (pid {i.Pid}) should be gone"));
        Assert.Equal(after.Select(i => i.Pid!.Value).Order(), inNamespace.Order());
        Assert.True(await AnswersAsync(rack.IngressAddress!, publicPort, Ct));
    }

    [Fact]
    public async Task Stopping_meshd_stops_its_instances_and_deletes_their_namespaces()
    {
        await using var bed = await RuntimeBed.StartAsync(Ct);
        var rack = await bed.NewRackAsync(Ct);
        var environment = await bed.CreateAsync([rack.Name], [new StackSpec { Name = "web", Command = RuntimeCommands.HttpServer, Port = 8080, Instances = 2 }], KvService(), Ct);
        var instances = await bed.WaitServingAsync(environment.Name, 3, Ct);
        var ns = bed.Namespace(environment.Name, rack.Name);
        var secondByName = await RuntimeShell.ConnectFromAsync(ns, "web.2", 8080, Ct);

        var exitCode = await bed.Meshd.StopAsync(Ct);

        Assert.Equal("connected", secondByName);
        Assert.Equal(0, exitCode);
        Assert.All(instances, i => Assert.False(RuntimeBed.Alive(i.Pid!.Value), $"{i.Id} (pid {i.Pid}) should be stopped with meshd"));
        Assert.False(NetworkNamespaces.Exists(ns), $"namespace {ns} should be deleted when meshd stops");
    }

    [Fact]
    public async Task A_starting_meshd_deletes_namespaces_left_by_a_killed_meshd_whose_data_directory_is_gone()
    {
        string ns;
        await using (var gone = await RuntimeBed.StartAsync(Ct))
        {
            var rack = await gone.NewRackAsync(Ct);
            var environment = await gone.CreateAsync([rack.Name], [new StackSpec { Name = "sleeper", Command = RuntimeCommands.Sleeper }], null, Ct);
            await gone.WaitServingAsync(environment.Name, 1, Ct);
            ns = gone.Namespace(environment.Name, rack.Name);
            await gone.Meshd.KillHardAsync(Ct);
            Directory.Delete(gone.Meshd.DataDirectory, recursive: true);
        }

        var leftBehind = NetworkNamespaces.Exists(ns);
        await using var next = await RuntimeBed.StartAsync(Ct);

        Assert.True(leftBehind, "a meshd killed with SIGKILL cannot clean up by itself");
        Assert.False(NetworkNamespaces.Exists(ns), $"{ns} belonged to a data directory that is gone and should be deleted");
        Assert.False(File.Exists(Path.Combine(NetworkNamespaces.OwnerDirectory, ns)));
    }

    private static StackSpec[] WebStack(int publicPort) =>
        [new StackSpec { Name = "web", Command = RuntimeCommands.HttpServer, Port = 8080, PublicPort = publicPort, HealthCheck = new HealthCheckSpec { Path = "/" } }];

    private static ServiceSpec[] KvService() => [new ServiceSpec { Name = "kv", Command = RuntimeCommands.HttpServer, Port = 7000 }];

    private static void AssertGone(IReadOnlyList<InstanceInfo> instances, string ns, string directory)
    {
        Assert.All(instances, i => Assert.False(RuntimeBed.Alive(i.Pid!.Value), $"{i.Rack}/{i.Id} (pid {i.Pid}) should be gone"));
        Assert.False(NetworkNamespaces.Exists(ns), $"namespace {ns} should be deleted");
        Assert.False(Directory.Exists($"/etc/netns/{ns}"), $"/etc/netns/{ns} should be deleted");
        Assert.False(Directory.Exists(directory), $"{directory} should be deleted");
    }

    private static async Task<bool> AnswersAsync(string address, int port, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var response = await http.GetAsync(new Uri($"http://{address}:{port}/"), cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException exception) when (exception.InnerException is SocketException or IOException || exception.HttpRequestError is HttpRequestError.ResponseEnded)
        {
            return false;
        }
    }
}
