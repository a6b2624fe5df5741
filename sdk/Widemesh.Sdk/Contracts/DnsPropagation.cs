namespace Widemesh.Sdk.Contracts;

/// <summary>What each asked resolver answers for an environment's host name; <see cref="Propagated"/> when all answer the expected address.</summary>
public sealed record DnsPropagation
{
    public required string Hostname { get; init; }

    public required string ExpectedAddress { get; init; }

    public required bool Propagated { get; init; }

    public required IReadOnlyList<ResolverAnswer> Resolvers { get; init; }
}
