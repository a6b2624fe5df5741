using Widemesh.Platform.Racks.Local;
using Widemesh.Platform.Store;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Racks;

/// <summary>The runtime of each rack provider, and the placement of environments on their racks.</summary>
internal sealed class RackRuntimes
{
    private readonly Dictionary<string, IRackRuntime> _byProvider;
    private readonly IPlatformStore _store;

    public RackRuntimes(IPlatformStore store, LocalRackRuntime local, ILoggerFactory loggers)
    {
        _store = store;
        Local = local;

        // Cloud racks only record here: their APIs cannot be reached from this machine.
        _byProvider = RackProviders.All.ToDictionary(
            p => p,
            p => p == RackProviders.Local ? local : (IRackRuntime)new RecordingRackRuntime(p, loggers.CreateLogger<RecordingRackRuntime>()),
            StringComparer.Ordinal);
    }

    /// <summary>The runtime of <c>local</c> racks.</summary>
    public LocalRackRuntime Local { get; }

    /// <summary>True when local racks cannot run stacks or services here (no namespaces and no <c>--isolation none</c>): only then can a placement be refused.</summary>
    public bool RefusesLocalWork => Local.Mode == LocalIsolationMode.Unavailable;

    /// <summary>
    /// Why the environment cannot run on its racks on this machine (local racks without network namespaces and no
    /// <c>--isolation none</c>), or null when it can. The API answers it before storing a change.
    /// </summary>
    public async Task<string?> FindPlacementProblemAsync(
        string accountId, IReadOnlyList<string> rackNames, IReadOnlyList<StackSpec> stacks, IReadOnlyList<ServiceSpec> services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rackNames);
        if (!RefusesLocalWork || stacks.Count + services.Count == 0)
        {
            return null;
        }

        var racks = await _store.ListRacksAsync(accountId, cancellationToken);
        var local = racks.Any(r => r.Provider == RackProviders.Local && rackNames.Contains(r.Name, StringComparer.Ordinal));
        return local ? Local.PlacementProblem(new LocalEnvironmentSpec("env_check", "check", stacks, services, null, null)) : null;
    }

    public IRackRuntime For(string provider) =>
        _byProvider.TryGetValue(provider, out var runtime) ? runtime : throw new InvalidOperationException($"No runtime for rack provider '{provider}'.");

    /// <summary>
    /// Tells the runtimes what changed, in the order that never leaves a name without a server: racks in
    /// <paramref name="after"/> run the environment first (so a new rack's ingress listens), then
    /// <paramref name="switchDns"/> points DNS at the new last rack, and only then do racks that are only in
    /// <paramref name="before"/> lose it.
    /// </summary>
    public async Task ApplyAsync(
        string accountId, StoredEnvironment? before, StoredEnvironment? after, Func<Task> switchDns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(switchDns);
        var racks = (await _store.ListRacksAsync(accountId, cancellationToken)).ToDictionary(r => r.Name, StringComparer.Ordinal);
        if (after is not null)
        {
            foreach (var name in after.Racks)
            {
                if (racks.TryGetValue(name, out var rack))
                {
                    await For(rack.Provider).PlaceEnvironmentAsync(rack, after, cancellationToken);
                }
            }
        }

        await switchDns();
        if (before is not null)
        {
            foreach (var name in before.Racks.Except(after?.Racks ?? [], StringComparer.Ordinal))
            {
                if (racks.TryGetValue(name, out var rack))
                {
                    await For(rack.Provider).RemoveEnvironmentAsync(rack, before, cancellationToken);
                }
            }
        }
    }
}
