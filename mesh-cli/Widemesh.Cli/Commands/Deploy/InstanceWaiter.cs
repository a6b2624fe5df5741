using System.Globalization;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Cli.Commands.Deploy;

/// <summary>
/// Polls the environment's instances until every expected one (each stack's instances and each service, on every
/// rack) started after the deploy and is ready: <c>healthy</c>, or, when it has no health check, <c>running</c>
/// without a restart for <see cref="SteadyFor"/> (a command that exits at once is briefly <c>running</c> too).
/// A command the shell cannot find or run (exit 126/127), or an instance that crashes three times while we watch,
/// fails at once; anything else not ready fails when the timeout passes.
/// </summary>
internal sealed class InstanceWaiter(CliContext context, WidemeshClient client, DeployProgress progress)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan SteadyFor = TimeSpan.FromSeconds(1);
    private const int CrashesToFail = 3;

    private readonly Dictionary<string, int> _firstRestarts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DateTimeOffset Since, int Restarts)> _running = new(StringComparer.Ordinal);

    public async Task<DeployWaitResult> WaitAsync(EnvironmentInfo environment, DateTimeOffset since, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = context.Time.GetUtcNow() + timeout;
        var expected = Expected(environment);
        while (true)
        {
            var instances = await client.ListInstancesAsync(environment.Name, cancellationToken);
            var byKey = instances.ToDictionary(i => Key(i.Rack, i.Id), StringComparer.Ordinal);
            var ready = new List<InstanceInfo>();
            var failing = new List<InstanceInfo>();
            var waiting = new List<InstanceInfo>();
            foreach (var (rack, id, healthChecked) in expected)
            {
                if (!byKey.TryGetValue(Key(rack, id), out var instance))
                {
                    continue;
                }

                var fresh = instance.StartedAt is null || instance.StartedAt >= since - ClockSkew;
                if (fresh && (instance.State == "healthy" || (instance.State == "running" && !healthChecked && IsSteady(instance))))
                {
                    ready.Add(instance);
                }
                else if (fresh && IsFatal(instance))
                {
                    failing.Add(instance);
                }
                else
                {
                    waiting.Add(instance);
                }
            }

            progress.Instances(ready.Count, expected.Count, [.. instances.Select(i => DeployInstanceOutput.From(i))], Summary(environment, expected, byKey, ready));
            if (ready.Count == expected.Count)
            {
                return new DeployWaitResult(true, false, [], instances);
            }

            if (failing.Count > 0)
            {
                return new DeployWaitResult(false, false, failing, instances);
            }

            if (context.Time.GetUtcNow() >= deadline)
            {
                var missing = expected.Where(e => !byKey.ContainsKey(Key(e.Rack, e.Id)))
                    .Select(e => new InstanceInfo { Id = e.Id, Rack = e.Rack, Kind = "stack", Name = e.Id.Split('.')[0], Index = 0, State = "missing", Message = "the rack reported no such instance" });
                return new DeployWaitResult(false, true, [.. waiting, .. missing], instances);
            }

            await Task.Delay(PollInterval, context.Time, cancellationToken);
        }
    }

    private bool IsSteady(InstanceInfo instance)
    {
        var key = Key(instance.Rack, instance.Id);
        var now = context.Time.GetUtcNow();
        if (!_running.TryGetValue(key, out var seen) || seen.Restarts != instance.Restarts)
        {
            _running[key] = seen = (now, instance.Restarts);
        }

        return now - seen.Since >= SteadyFor;
    }

    private bool IsFatal(InstanceInfo instance)
    {
        var key = Key(instance.Rack, instance.Id);
        if (!_firstRestarts.TryGetValue(key, out var first))
        {
            _firstRestarts[key] = first = instance.Restarts;
        }

        var notRunnable = instance.State is "crashed" or "starting" && instance.LastExitCode is 126 or 127;
        return notRunnable || instance.Restarts - first >= CrashesToFail;
    }

    private static List<(string Rack, string Id, bool HealthChecked)> Expected(EnvironmentInfo environment)
    {
        var expected = new List<(string, string, bool)>();
        foreach (var rack in environment.Racks)
        {
            foreach (var stack in environment.Stacks)
            {
                for (var i = 1; i <= stack.Instances; i++)
                {
                    expected.Add((rack, $"{stack.Name}.{i.ToString(CultureInfo.InvariantCulture)}", stack.HealthCheck is not null));
                }
            }

            expected.AddRange(environment.Services.Select(service => (rack, $"{service.Name}.1", false)));
        }

        return expected;
    }

    private static string Summary(EnvironmentInfo environment, List<(string Rack, string Id, bool HealthChecked)> expected, Dictionary<string, InstanceInfo> byKey, List<InstanceInfo> ready)
    {
        var parts = new List<string>();
        foreach (var rack in environment.Racks)
        {
            var components = expected.Where(e => e.Rack == rack).GroupBy(e => e.Id[..e.Id.LastIndexOf('.')]).Select(group =>
            {
                var states = group.Select(e => byKey.TryGetValue(Key(rack, e.Id), out var i) ? i.State : "pending").Distinct().Order(StringComparer.Ordinal);
                var readyCount = group.Count(e => ready.Any(r => r.Rack == rack && r.Id == e.Id));
                return $"{group.Key} {readyCount}/{group.Count()} {string.Join("/", states)}";
            });
            parts.Add($"{rack}: {string.Join(", ", components)}");
        }

        return $"waiting for instances ({ready.Count}/{expected.Count} ready) — {string.Join("; ", parts)}";
    }

    private static string Key(string rack, string id) => $"{rack}/{id}";
}
