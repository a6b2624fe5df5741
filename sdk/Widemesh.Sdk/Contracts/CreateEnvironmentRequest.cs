namespace Widemesh.Sdk.Contracts;

public sealed record CreateEnvironmentRequest
{
    public required string Name { get; init; }

    public required IReadOnlyList<string> Racks { get; init; }

    /// <summary>Free text telling who manages the environment, such as <c>terraform</c> or <c>mesh</c>.</summary>
    public string? ManagedBy { get; init; }
}
