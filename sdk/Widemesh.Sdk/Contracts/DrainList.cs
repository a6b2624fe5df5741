namespace Widemesh.Sdk.Contracts;

public sealed record DrainList(IReadOnlyList<Drain> Items);
