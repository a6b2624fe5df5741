using System.Collections.Concurrent;
using Widemesh.Platform.Configuration;
using Widemesh.Platform.Logs;
using Widemesh.Platform.Releases;
using Widemesh.Platform.Store;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Racks.Local;

/// <summary>
/// The runtime of <c>local</c> racks: every environment placed on a local rack runs as processes on this machine,
/// in a network namespace of its own per rack (see README.md next to this file).
/// </summary>
internal sealed partial class LocalRackRuntime : IRackRuntime, IAsyncDisposable
{
    private readonly ConcurrentDictionary<(string RackId, string EnvironmentId), LocalEnvironmentRun> _runs = new();
    private readonly ConcurrentDictionary<(string RackId, string EnvironmentId), (LocalEnvironmentSpec Spec, string Problem)> _refused = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly PlatformOptions _options;
    private readonly LogIngestor _logs;
    private readonly ReleaseStore _releases;
    private readonly TimeProvider _time;
    private readonly ILogger<LocalRackRuntime> _logger;
    private NamespaceSockets _sockets = new(enabled: false);

    public LocalRackRuntime(PlatformOptions options, LogIngestor logs, ReleaseStore releases, TimeProvider time, ILogger<LocalRackRuntime> logger)
    {
        _options = options;
        _logs = logs;
        _releases = releases;
        _time = time;
        _logger = logger;
        Layout = new LocalRackLayout(options.DataDirectory);
        Mode = options.Isolation == RackIsolation.None ? LocalIsolationMode.None : LocalIsolationMode.Unavailable;
    }

    public string Provider => RackProviders.Local;

    public LocalRackLayout Layout { get; }

    /// <summary>The isolation decided at start (<see cref="StartAsync"/>).</summary>
    public LocalIsolationMode Mode { get; private set; }

    /// <summary>Why namespaces are not available, when they are not.</summary>
    public string? UnavailableReason { get; private set; }

    public LocalRuntimeSettings Settings { get; init; } = new();

    public Task<string> PrepareRackAsync(NewRack rack, CancellationToken cancellationToken) => Task.FromResult(RecordingRackRuntime.Ready);

    public async Task ReleaseRackAsync(StoredRack rack, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rack);
        foreach (var key in _runs.Keys.Where(k => k.RackId == rack.Id).ToList())
        {
            if (_runs.TryRemove(key, out var run))
            {
                await run.RemoveAsync(CancellationToken.None);
                await run.DisposeAsync();
            }
        }

        var directory = Layout.RackDirectory(rack.Id);
        if (Directory.Exists(directory))
        {
            LocalProcesses.KillRecorded(directory);
            Directory.Delete(directory, recursive: true);
        }
    }

    public Task PlaceEnvironmentAsync(StoredRack rack, StoredEnvironment environment, CancellationToken cancellationToken) =>
        PlaceAsync(rack, LocalEnvironmentSpecs.From(environment, _releases), cancellationToken);

    public async Task RemoveEnvironmentAsync(StoredRack rack, StoredEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rack);
        ArgumentNullException.ThrowIfNull(environment);
        var gate = GateOf(rack, environment.Name);
        await gate.WaitAsync(CancellationToken.None);
        try
        {
            await RemoveAsync(rack, environment.Id, environment.Name, CancellationToken.None);
        }
        finally
        {
            gate.Release();
        }
    }

    public IReadOnlyList<InstanceInfo> ListInstances(StoredRack rack, StoredEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(rack);
        ArgumentNullException.ThrowIfNull(environment);
        if (_runs.TryGetValue((rack.Id, environment.Id), out var run))
        {
            return run.ListInstances();
        }

        return _refused.TryGetValue((rack.Id, environment.Id), out var refused) ? Refused(rack, refused.Spec, refused.Problem) : [];
    }

    /// <summary>Why an environment with stacks or services cannot be placed on a local rack here, or null when it can.</summary>
    public string? PlacementProblem(LocalEnvironmentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Mode == LocalIsolationMode.Unavailable && spec.RunsAnything
            ? $"Local racks cannot run stacks or services here: network namespaces are not available ({UnavailableReason}). "
              + "Start meshd as root (on Linux, with iproute2's `ip`), or start it with `--isolation none` to run instances without isolation between environments."
            : null;
    }

    /// <summary>Converges the environment on the rack to <paramref name="spec"/>: starts, stops and restarts instances.</summary>
    public async Task PlaceAsync(StoredRack rack, LocalEnvironmentSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rack);
        ArgumentNullException.ThrowIfNull(spec);
        var gate = GateOf(rack, spec.Name);
        await gate.WaitAsync(CancellationToken.None);
        try
        {
            await PlaceLockedAsync(rack, spec, CancellationToken.None);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// One placement or removal at a time per namespace name (environment and rack): an environment deleted and
    /// created again under the same name must not have its new namespace deleted by the old one's removal.
    /// </summary>
    private SemaphoreSlim GateOf(StoredRack rack, string environmentName) =>
        _gates.GetOrAdd($"{rack.Id}/{environmentName}", _ => new SemaphoreSlim(1, 1));

    private async Task PlaceLockedAsync(StoredRack rack, LocalEnvironmentSpec spec, CancellationToken cancellationToken)
    {
        var key = (rack.Id, spec.Id);
        if (PlacementProblem(spec) is { } problem)
        {
            _refused[key] = (spec, problem);
            LocalRuntimeLog.EnvironmentProblem(_logger, spec.Name, rack.Name, problem);
            return;
        }

        _refused.TryRemove(key, out _);
        if (!spec.RunsAnything)
        {
            if (_runs.ContainsKey(key))
            {
                await RemoveAsync(rack, spec.Id, spec.Name, cancellationToken);
            }

            return;
        }

        var run = _runs.GetOrAdd(key, _ => new LocalEnvironmentRun(
            rack,
            spec,
            Mode == LocalIsolationMode.Netns ? Layout.NamespaceName(spec.Name, rack.Name) : null,
            Layout.EnvironmentDirectory(rack.Id, spec.Id),
            new LocalRuntimeServices(_options.DataDirectory, _logs, _sockets, Settings, _time, _logger)));

        // A placement finishes even when the caller goes away: half-converged environments help nobody.
        try
        {
            await run.ConvergeAsync(spec, cancellationToken);
        }
        catch (Exception exception) when (exception is LocalRuntimeException or IOException or UnauthorizedAccessException)
        {
            var failure = $"cannot run on rack {rack.Name}: {exception.Message}";
            LocalRuntimeLog.EnvironmentProblem(_logger, spec.Name, rack.Name, failure);
            if (_runs.TryRemove(key, out var failed))
            {
                await failed.RemoveAsync(cancellationToken);
                await failed.DisposeAsync();
            }

            _refused[key] = (spec, failure);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var key in _runs.Keys.ToList())
        {
            if (_runs.TryRemove(key, out var run))
            {
                await run.DisposeAsync();
                if (run.Namespace is { } name)
                {
                    await NetworkNamespaces.DeleteAsync(name, CancellationToken.None);
                }
            }
        }

        _sockets.Dispose();
    }

    private async Task RemoveAsync(StoredRack rack, string environmentId, string environmentName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rack);
        _refused.TryRemove((rack.Id, environmentId), out _);
        if (_runs.TryRemove((rack.Id, environmentId), out var run))
        {
            await run.RemoveAsync(cancellationToken);
            await run.DisposeAsync();
            return;
        }

        // Nothing ran here in this meshd; still leave nothing behind.
        if (Mode == LocalIsolationMode.Netns)
        {
            await NetworkNamespaces.DeleteAsync(Layout.NamespaceName(environmentName, rack.Name), cancellationToken);
        }

        var directory = Layout.EnvironmentDirectory(rack.Id, environmentId);
        LocalProcesses.KillRecorded(directory);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static IReadOnlyList<InstanceInfo> Refused(StoredRack rack, LocalEnvironmentSpec spec, string problem) =>
        [.. spec.Components
            .SelectMany(c => Enumerable.Range(1, c.Instances).Select(index => new InstanceInfo
            {
                Id = $"{c.Name}.{index}",
                Rack = rack.Name,
                Kind = c.KindName,
                Name = c.Name,
                Index = index,
                State = InstanceStates.Stopped,
                Message = problem,
            }))
            .OrderBy(i => i.Kind, StringComparer.Ordinal).ThenBy(i => i.Name, StringComparer.Ordinal).ThenBy(i => i.Index)];
}
