using Widemesh.Platform.Store;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Racks;

/// <summary>
/// Where a rack's work happens. The API records the desired state in the store, then tells the
/// runtime of the rack's provider. Today's runtimes only record; a later issue runs environments
/// as processes on local racks and checks accounts and regions on cloud racks.
/// </summary>
internal interface IRackRuntime
{
    /// <summary>The provider this runtime serves, such as <c>local</c>.</summary>
    public string Provider { get; }

    /// <summary>Gets a new rack ready and returns its first status (such as <c>ready</c>).</summary>
    public Task<string> PrepareRackAsync(NewRack rack, CancellationToken cancellationToken);

    /// <summary>Frees what a deleted rack held.</summary>
    public Task ReleaseRackAsync(StoredRack rack, CancellationToken cancellationToken);

    /// <summary>Runs (or keeps running) the environment on the rack.</summary>
    public Task PlaceEnvironmentAsync(StoredRack rack, StoredEnvironment environment, CancellationToken cancellationToken);

    /// <summary>Stops the environment on the rack and frees its resources there.</summary>
    public Task RemoveEnvironmentAsync(StoredRack rack, StoredEnvironment environment, CancellationToken cancellationToken);

    /// <summary>What runs of the environment on the rack now (empty when nothing does).</summary>
    public IReadOnlyList<InstanceInfo> ListInstances(StoredRack rack, StoredEnvironment environment);
}
