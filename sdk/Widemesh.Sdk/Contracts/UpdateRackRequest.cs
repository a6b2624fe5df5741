namespace Widemesh.Sdk.Contracts;

/// <summary>
/// A change to a rack (PATCH): only <see cref="ManagedBy"/> can change; null or absent clears it.
/// Every other rack field is fixed: replace the rack to change it.
/// </summary>
public sealed record UpdateRackRequest
{
    public string? ManagedBy { get; init; }
}
