using System.Globalization;

namespace Widemesh.Logs.Benchmarks;

/// <summary>
/// Command line: <c>--ingest-mb N</c> (default 200), <c>--store-mb N</c> (default 500), <c>--samples N</c> (default
/// 2000), <c>--only ingest|query|follow</c> (to profile one part; the table then shows only its rows); other
/// arguments are ignored.
/// </summary>
internal sealed record BenchOptions(int IngestMegabytes, int StoreMegabytes, int FollowSamples, string? Only = null)
{
    public bool Runs(string part) => Only is null || Only == part;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(200, 500, 2000);
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] == "--only" && args[i + 1] is "ingest" or "query" or "follow")
            {
                options = options with { Only = args[i + 1] };
                continue;
            }

            if (!int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                continue;
            }

            options = args[i] switch
            {
                "--ingest-mb" => options with { IngestMegabytes = value },
                "--store-mb" => options with { StoreMegabytes = value },
                "--samples" => options with { FollowSamples = value },
                _ => options,
            };
        }

        return options;
    }
}
