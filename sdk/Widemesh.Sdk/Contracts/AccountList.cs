namespace Widemesh.Sdk.Contracts;

public sealed record AccountList(IReadOnlyList<Account> Items);
