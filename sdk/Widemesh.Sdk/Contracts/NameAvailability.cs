namespace Widemesh.Sdk.Contracts;

/// <summary>
/// Whether an environment name can be used by the caller. <see cref="Available"/> is true when the
/// name is free or the caller already owns it; <see cref="Problem"/> says why it cannot be used.
/// </summary>
public sealed record NameAvailability
{
    public required string Name { get; init; }

    public required bool Valid { get; init; }

    public required bool Available { get; init; }

    public string? Problem { get; init; }
}
