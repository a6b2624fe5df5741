using Amazon;

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
            .Select(name => (Name: name, Distance: EditDistance(region.ToLowerInvariant(), name)))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(count)
            .Select(x => x.Name)];

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
