namespace Widemesh.Sdk.Contracts;

/// <summary>An API token. <see cref="Token"/> holds the secret only in the answer that created it.</summary>
public sealed record ApiToken
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Account { get; init; }

    public string? Token { get; init; }

    public required long Version { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Keeps the secret out of logs and debugger views.</summary>
    public override string ToString() => $"ApiToken {{ Id = {Id}, Name = {Name}, Account = {Account} }}";
}
