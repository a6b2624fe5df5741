namespace Widemesh.Platform.Store;

internal sealed record NewRack(string AccountId, string Name, string Provider, string? Region, string Status, string? IngressAddress = null, string? ManagedBy = null);
