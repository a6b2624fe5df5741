namespace Widemesh.Sdk.Contracts;

public sealed record InstanceList
{
    public required IReadOnlyList<InstanceInfo> Items { get; init; }
}
