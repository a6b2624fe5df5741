namespace Widemesh.Sdk.Contracts;

public sealed record WhoAmI
{
    public required string Account { get; init; }

    public required string TokenName { get; init; }

    public required bool Admin { get; init; }
}
