namespace Widemesh.Platform.Store;

/// <summary>A change to an environment: null <see cref="Racks"/> keeps them; <see cref="SetManagedBy"/> says whether <see cref="ManagedBy"/> applies.</summary>
internal sealed record EnvironmentChange(
    string AccountId,
    string Name,
    IReadOnlyList<string>? Racks,
    bool SetManagedBy,
    string? ManagedBy,
    long? ExpectedVersion);
