namespace Widemesh.Sdk.Contracts;

/// <summary>The last propagation check of a migration: when, whether every resolver answered the new rack, and each answer.</summary>
public sealed record MigrationCheck
{
    public required DateTimeOffset At { get; init; }

    public required bool Propagated { get; init; }

    public required IReadOnlyList<ResolverAnswer> Answers { get; init; }
}
