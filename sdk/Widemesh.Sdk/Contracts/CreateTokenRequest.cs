namespace Widemesh.Sdk.Contracts;

public sealed record CreateTokenRequest
{
    public required string Name { get; init; }

    /// <summary>The account the token is for; only an admin may name an account other than its own.</summary>
    public string? Account { get; init; }
}
