namespace Widemesh.Sdk.Contracts;

public sealed record RackList(IReadOnlyList<Rack> Items);
