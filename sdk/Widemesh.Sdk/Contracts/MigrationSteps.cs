namespace Widemesh.Sdk.Contracts;

/// <summary>
/// The steps of a rack migration (<see cref="MigrationInfo.Step"/>): <see cref="Adding"/> the new rack last,
/// <see cref="Waiting"/> for DNS, <see cref="Removing"/> the old racks, <see cref="Done"/>; or, when aborted,
/// <see cref="Aborting"/> (old rack last again, new rack removed) and <see cref="Aborted"/>.
/// </summary>
public static class MigrationSteps
{
    public const string Adding = "adding";

    public const string Waiting = "waiting";

    public const string Removing = "removing";

    public const string Done = "done";

    public const string Aborting = "aborting";

    public const string Aborted = "aborted";

    public static IReadOnlyList<string> All { get; } = [Adding, Waiting, Removing, Done, Aborting, Aborted];
}
