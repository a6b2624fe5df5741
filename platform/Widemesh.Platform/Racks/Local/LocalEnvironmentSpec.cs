using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Racks.Local;

/// <summary>What the local runtime needs of an environment: its stacks and services and the release they run.</summary>
internal sealed record LocalEnvironmentSpec(
    string Id,
    string Name,
    IReadOnlyList<StackSpec> Stacks,
    IReadOnlyList<ServiceSpec> Services,
    string? ReleaseId,
    string? ReleaseArchivePath)
{
    public IReadOnlyList<LocalComponent> Components { get; } = [.. Stacks.Select(LocalComponent.From), .. Services.Select(LocalComponent.From)];

    public bool RunsAnything => Stacks.Count + Services.Count > 0;
}
