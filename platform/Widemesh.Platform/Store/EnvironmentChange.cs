using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Store;

/// <summary>
/// A change to an environment: null <see cref="Racks"/>, <see cref="Stacks"/> or <see cref="Services"/> keep them;
/// <see cref="SetManagedBy"/> and <see cref="SetRelease"/> say whether <see cref="ManagedBy"/> and <see cref="Release"/> apply.
/// </summary>
internal sealed record EnvironmentChange(
    string AccountId,
    string Name,
    IReadOnlyList<string>? Racks,
    bool SetManagedBy,
    string? ManagedBy,
    long? ExpectedVersion)
{
    public IReadOnlyList<StackSpec>? Stacks { get; init; }

    public IReadOnlyList<ServiceSpec>? Services { get; init; }

    public bool SetRelease { get; init; }

    public string? Release { get; init; }
}
