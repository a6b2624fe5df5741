namespace Widemesh.Sdk.Contracts;

public sealed record EnvironmentList(IReadOnlyList<EnvironmentInfo> Items);
