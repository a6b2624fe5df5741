namespace Widemesh.Sdk.Contracts;

public sealed record ReleaseList
{
    public required IReadOnlyList<Release> Items { get; init; }
}
