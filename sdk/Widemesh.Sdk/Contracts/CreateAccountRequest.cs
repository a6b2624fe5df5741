namespace Widemesh.Sdk.Contracts;

public sealed record CreateAccountRequest
{
    public required string Name { get; init; }
}
