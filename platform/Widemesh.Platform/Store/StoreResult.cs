namespace Widemesh.Platform.Store;

/// <summary>
/// The outcome of a store write. <see cref="Names"/> lists the environments using a rack
/// (<see cref="StoreOutcome.InUse"/>) or the racks that do not exist (<see cref="StoreOutcome.UnknownRacks"/>);
/// <see cref="CurrentVersion"/> is set for <see cref="StoreOutcome.Stale"/>; <see cref="Previous"/> holds the
/// state before a successful update.
/// </summary>
internal sealed record StoreResult<T>(StoreOutcome Outcome, T? Value, IReadOnlyList<string> Names, long? CurrentVersion = null, T? Previous = null)
    where T : class
{
    public static StoreResult<T> Done(T value, T? previous = null) => new(StoreOutcome.Done, value, [], Previous: previous);

    public static StoreResult<T> Fail(StoreOutcome outcome, IReadOnlyList<string>? names = null, long? currentVersion = null) =>
        new(outcome, null, names ?? [], currentVersion);
}
