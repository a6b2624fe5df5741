using Widemesh.Sdk.Contracts;

namespace Widemesh.Cli.Output;

/// <summary>The <c>--json</c> shape of one rack.</summary>
internal sealed record RackOutput(string Name, string Id, string Provider, string? Region, string Status, long Version)
{
    public static RackOutput From(Rack rack) => new(rack.Name, rack.Id, rack.Provider, rack.Region, rack.Status, rack.Version);
}
