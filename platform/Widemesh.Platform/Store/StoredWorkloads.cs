using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Store;

/// <summary>An environment's stacks and services as one JSON document in <c>environments.workloads</c>.</summary>
internal sealed record StoredWorkloads
{
    public IReadOnlyList<StackSpec> Stacks { get; init; } = [];

    public IReadOnlyList<ServiceSpec> Services { get; init; } = [];
}
