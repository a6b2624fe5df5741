using Widemesh.Sdk.Contracts;

namespace Widemesh.Cli.Output;

/// <summary>The <c>--json</c> shape of one environment.</summary>
internal sealed record EnvironmentOutput(
    string Name,
    string Id,
    IReadOnlyList<string> Racks,
    string PrimaryRack,
    string Hostname,
    string Status,
    string? ManagedBy,
    long Version)
{
    public static EnvironmentOutput From(EnvironmentInfo environment) => new(
        environment.Name,
        environment.Id,
        environment.Racks,
        environment.PrimaryRack,
        environment.Hostname,
        environment.Status,
        environment.ManagedBy,
        environment.Version);
}
