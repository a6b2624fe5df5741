namespace Widemesh.Platform.Store;

internal sealed record NewEnvironment(string AccountId, string Name, IReadOnlyList<string> Racks, string? ManagedBy);
