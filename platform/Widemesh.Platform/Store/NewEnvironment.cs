using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Store;

internal sealed record NewEnvironment(string AccountId, string Name, IReadOnlyList<string> Racks, string? ManagedBy)
{
    public IReadOnlyList<StackSpec> Stacks { get; init; } = [];

    public IReadOnlyList<ServiceSpec> Services { get; init; } = [];
}
