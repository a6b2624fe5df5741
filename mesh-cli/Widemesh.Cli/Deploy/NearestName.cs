using Widemesh.Sdk.Naming;

namespace Widemesh.Cli.Deploy;

/// <summary>The closest known name to a misspelt one (edit distance), for "did you mean" hints.</summary>
internal static class NearestName
{
    public static string? Find(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = EditDistance.Between(name.ToLowerInvariant(), candidate);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best is not null && bestDistance <= Math.Max(2, best.Length / 3) ? best : null;
    }
}
