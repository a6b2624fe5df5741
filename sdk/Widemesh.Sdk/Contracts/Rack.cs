namespace Widemesh.Sdk.Contracts;

/// <summary>A place where environments run: this machine (<c>local</c>) or a cloud region (<c>aws</c>).</summary>
public sealed record Rack
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Provider { get; init; }

    public string? Region { get; init; }

    public required string Status { get; init; }

    /// <summary>The address the rack's ingress listens on; environments whose last rack this is resolve to it.</summary>
    public string? IngressAddress { get; init; }

    /// <summary>Who manages the rack (such as a mesh workspace or 'terraform'); null when nobody said.</summary>
    public string? ManagedBy { get; init; }

    public required long Version { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
