namespace Widemesh.Sdk.Contracts;

/// <summary>One resolver's answer: the addresses it gave, their remaining TTL in seconds, or why it gave none.</summary>
public sealed record ResolverAnswer
{
    /// <summary>The resolver's address and port, such as <c>127.0.0.1:53</c>.</summary>
    public required string Resolver { get; init; }

    public required IReadOnlyList<string> Answers { get; init; }

    public int? Ttl { get; init; }

    /// <summary>True when the resolver answers exactly the expected address.</summary>
    public required bool Matches { get; init; }

    public string? Error { get; init; }
}
