namespace Widemesh.Sdk.Contracts;

public sealed record CreateRackRequest
{
    public required string Name { get; init; }

    public string Provider { get; init; } = RackProviders.Local;

    public string? Region { get; init; }
}
