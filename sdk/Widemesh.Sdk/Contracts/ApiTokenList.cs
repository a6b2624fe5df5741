namespace Widemesh.Sdk.Contracts;

public sealed record ApiTokenList(IReadOnlyList<ApiToken> Items);
