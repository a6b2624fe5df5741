using Widemesh.Platform.Store;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Racks;

/// <summary>
/// A runtime that only records: racks are ready at once and placements are logged. It stands for
/// <c>local</c> and <c>aws</c> until their real runtimes arrive.
/// </summary>
internal sealed class RecordingRackRuntime(string provider, ILogger<RecordingRackRuntime> logger) : IRackRuntime
{
    public const string Ready = "ready";

    public string Provider { get; } = provider;

    public Task<string> PrepareRackAsync(NewRack rack, CancellationToken cancellationToken) => Task.FromResult(Ready);

    public Task ReleaseRackAsync(StoredRack rack, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PlaceEnvironmentAsync(StoredRack rack, StoredEnvironment environment, CancellationToken cancellationToken)
    {
        Log.RackRuntimeAction(logger, Provider, "place", environment.Name, rack.Name);
        return Task.CompletedTask;
    }

    public Task RemoveEnvironmentAsync(StoredRack rack, StoredEnvironment environment, CancellationToken cancellationToken)
    {
        Log.RackRuntimeAction(logger, Provider, "remove", environment.Name, rack.Name);
        return Task.CompletedTask;
    }

    public IReadOnlyList<InstanceInfo> ListInstances(StoredRack rack, StoredEnvironment environment) => [];
}
