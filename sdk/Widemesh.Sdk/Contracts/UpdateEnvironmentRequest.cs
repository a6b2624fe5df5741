namespace Widemesh.Sdk.Contracts;

/// <summary>A change to an environment: with PATCH, absent fields stay as they are; with PUT, <see cref="Racks"/> is required.</summary>
public sealed record UpdateEnvironmentRequest
{
    public IReadOnlyList<string>? Racks { get; init; }

    public string? ManagedBy { get; init; }

    /// <summary>With PATCH, null keeps the stacks; with PUT, null means none.</summary>
    public IReadOnlyList<StackSpec>? Stacks { get; init; }

    /// <summary>With PATCH, null keeps the services; with PUT, null means none.</summary>
    public IReadOnlyList<ServiceSpec>? Services { get; init; }

    /// <summary>With PATCH, null keeps the release and an empty string clears it; with PUT, null means none.</summary>
    public string? Release { get; init; }
}
