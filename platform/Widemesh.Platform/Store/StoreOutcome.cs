namespace Widemesh.Platform.Store;

internal enum StoreOutcome
{
    Done,
    NotFound,
    NameTaken,
    Stale,
    InUse,
    UnknownRacks,
    AddressTaken,

    /// <summary>A public port is used by another environment on a shared rack: <c>Names</c> = port, environment, rack.</summary>
    PortInUse,

    /// <summary>The release is not one of the environment's.</summary>
    UnknownRelease,
}
