namespace Widemesh.Sdk.Contracts;

/// <summary>A change to an environment: with PATCH, absent fields stay as they are; with PUT, <see cref="Racks"/> is required.</summary>
public sealed record UpdateEnvironmentRequest
{
    public IReadOnlyList<string>? Racks { get; init; }

    public string? ManagedBy { get; init; }
}
