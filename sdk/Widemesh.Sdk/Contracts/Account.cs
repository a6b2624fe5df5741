namespace Widemesh.Sdk.Contracts;

public sealed record Account
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required bool Admin { get; init; }

    public required long Version { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
