using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Tests.Runtime;

/// <summary>Releases, changed specs and health.</summary>
public sealed partial class LocalRuntimeTests
{
    [Fact]
    public async Task Instances_run_in_the_unpacked_release_and_a_new_release_restarts_them()
    {
        await using var bed = await RuntimeBed.StartAsync(Ct);
        var rack = await bed.NewRackAsync(Ct);
        var environment = await bed.CreateAsync([rack.Name], [], null, Ct);
        var first = await bed.Client.UploadReleaseAsync(environment.Name, RuntimeArchives.Files(("run.sh", "while true; do echo \"release one from $(pwd)\"; sleep 0.5; done\n")), Ct);
        var stacks = new[] { new StackSpec { Name = "app", Command = "exec ./run.sh" } };

        await bed.Client.UpdateEnvironmentAsync(environment.Name, new UpdateEnvironmentRequest { Stacks = stacks, Release = first.Id }, null, Ct);
        var one = await bed.WaitServingAsync(environment.Name, 1, Ct);
        await RuntimeWait.UntilAsync(async () => (await bed.LogsAsync(environment.Name, "since=5m", Ct)).Any(l => l.Contains("release one from", StringComparison.Ordinal)), "release one to print", Ct);
        var second = await bed.Client.UploadReleaseAsync(environment.Name, RuntimeArchives.Files(("run.sh", "while true; do echo release two; sleep 0.5; done\n")), Ct);
        await bed.Client.UpdateEnvironmentAsync(environment.Name, new UpdateEnvironmentRequest { Release = second.Id }, null, Ct);
        var two = await bed.WaitInstancesAsync(environment.Name, i => i.Count == 1 && i[0].Pid is not null && i[0].Pid != one[0].Pid && i[0].State == "running", "a restart on the new release", Ct);
        await RuntimeWait.UntilAsync(async () => (await bed.LogsAsync(environment.Name, "since=5m", Ct)).Any(l => l.Contains("release two", StringComparison.Ordinal)), "release two to print", Ct);
        var logs = await bed.LogsAsync(environment.Name, "since=5m&filter=release%20one", Ct);

        Assert.Contains(logs, l => l.Contains(Path.Combine("envs", environment.Id, "release", first.Id), StringComparison.Ordinal));
        Assert.False(RuntimeBed.Alive(one[0].Pid!.Value));
        Assert.False(Directory.Exists(Path.Combine(bed.Layout.EnvironmentDirectory(rack.Id, environment.Id), "release", first.Id)), "the old release's directory should be deleted");
        Assert.Equal(0, two[0].Restarts);
    }

    [Fact]
    public async Task A_changed_command_restarts_only_that_stack()
    {
        await using var bed = await RuntimeBed.StartAsync(Ct);
        var rack = await bed.NewRackAsync(Ct);
        var environment = await bed.CreateAsync(
            [rack.Name],
            [new StackSpec { Name = "a", Command = RuntimeCommands.Sleeper }, new StackSpec { Name = "b", Command = RuntimeCommands.Sleeper }],
            null,
            Ct);
        var before = await bed.WaitServingAsync(environment.Name, 2, Ct);

        await bed.Client.UpdateEnvironmentAsync(
            environment.Name,
            new UpdateEnvironmentRequest { Stacks = [new StackSpec { Name = "a", Command = RuntimeCommands.Sleeper }, new StackSpec { Name = "b", Command = "exec sleep 601" }] },
            null,
            Ct);
        var after = await bed.WaitInstancesAsync(environment.Name, i => i.Count == 2 && i.All(x => x.State == "running") && i[1].Pid != before[1].Pid, "b to restart", Ct);

        Assert.Equal(before[0].Pid, after[0].Pid);
        Assert.False(RuntimeBed.Alive(before[1].Pid!.Value));
    }

    [Fact]
    public async Task A_stack_that_never_answers_its_health_check_becomes_unhealthy_with_the_reason()
    {
        await using var bed = await RuntimeBed.StartAsync(Ct);
        var rack = await bed.NewRackAsync(Ct);
        var environment = await bed.CreateAsync(
            [rack.Name],
            [new StackSpec { Name = "sick", Command = RuntimeCommands.HttpServer, Port = 8080, HealthCheck = new HealthCheckSpec { Path = "/health", GraceSeconds = 2, IntervalSeconds = 1 } }],
            null,
            Ct);

        var instances = await bed.WaitInstancesAsync(environment.Name, i => i.Count == 1 && i[0].State == "unhealthy", "the stack to be unhealthy", Ct);

        Assert.Contains("did not answer GET /health with 2xx or 3xx within the grace of 2 s (answered 404)", instances[0].Message, StringComparison.Ordinal);
        Assert.Contains("last output:", instances[0].Message, StringComparison.Ordinal);
        Assert.Contains("\"GET /health HTTP/1.1\" 404", instances[0].Message, StringComparison.Ordinal);
    }
}
