namespace Widemesh.Sdk.Contracts;

public sealed record CreateRackRequest
{
    public required string Name { get; init; }

    public string Provider { get; init; } = RackProviders.Local;

    public string? Region { get; init; }

    /// <summary>The rack's ingress address (an IPv4 or IPv6 address); the platform picks a free one when null.</summary>
    public string? IngressAddress { get; init; }

    /// <summary>Who manages the rack (at most 100 characters); null when nobody says.</summary>
    public string? ManagedBy { get; init; }
}
