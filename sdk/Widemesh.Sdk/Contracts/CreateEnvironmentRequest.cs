namespace Widemesh.Sdk.Contracts;

public sealed record CreateEnvironmentRequest
{
    public required string Name { get; init; }

    public required IReadOnlyList<string> Racks { get; init; }

    /// <summary>Free text telling who manages the environment, such as <c>terraform</c> or <c>mesh</c>.</summary>
    public string? ManagedBy { get; init; }

    /// <summary>The environment's application components; empty when none.</summary>
    public IReadOnlyList<StackSpec> Stacks { get; init; } = [];

    /// <summary>The environment's backing services; empty when none.</summary>
    public IReadOnlyList<ServiceSpec> Services { get; init; } = [];

    /// <summary>The release (<c>rel_…</c>) whose directory the instances run in; null for none.</summary>
    public string? Release { get; init; }
}
