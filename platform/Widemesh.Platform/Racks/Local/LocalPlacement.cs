using Widemesh.Platform.Store;

namespace Widemesh.Platform.Racks.Local;

/// <summary>An environment placed on a local rack, as the store says.</summary>
internal sealed record LocalPlacement(StoredRack Rack, StoredEnvironment Environment);
