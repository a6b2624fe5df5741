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
}
