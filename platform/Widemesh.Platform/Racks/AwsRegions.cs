using Amazon;
using Widemesh.Sdk.Naming;

namespace Widemesh.Platform.Racks;

/// <summary>The AWS regions that AWSSDK.Core knows, and the nearest names to a mistyped one.</summary>
internal static class AwsRegions
{
    public static IReadOnlySet<string> Names { get; } =
        RegionEndpoint.EnumerableAllRegions.Select(r => r.SystemName).ToHashSet(StringComparer.Ordinal);

    public static bool IsKnown(string region) => Names.Contains(region);

    /// <summary>The known regions closest to <paramref name="region"/> by edit distance, closest first.</summary>
    public static IReadOnlyList<string> Nearest(string region, int count = 3) =>
        [.. Names
            .Select(name => (Name: name, Distance: EditDistance.Between(region.ToLowerInvariant(), name)))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(count)
            .Select(x => x.Name)];
}
