using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;
using Widemesh.Sdk.Contracts.Logs;

namespace Widemesh.Cli.Commands.Deploy;

/// <summary>The last log lines of failing instances, read from the platform's log store, so a failed deploy shows why.</summary>
internal static class FailureLogs
{
    public const int LinesPerInstance = 15;
    private const int MaxInstances = 5;

    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ReadAsync(
        WidemeshClient client, string environment, IReadOnlyList<InstanceInfo> failing, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var instance in failing.Take(MaxInstances))
        {
            var lines = new Queue<string>();
            try
            {
                using var stream = await client.OpenLogStreamAsync(
                    environment,
                    new LogQueryOptions
                    {
                        Since = TimeSpan.FromMinutes(15),
                        Rack = instance.Rack,
                        Stack = instance.Kind == "stack" ? instance.Name : null,
                        Service = instance.Kind == "service" ? instance.Name : null,
                        Instance = instance.Id,
                        Follow = false,
                    },
                    cancellationToken);
                await foreach (var line in stream.ReadLinesAsync(cancellationToken))
                {
                    lines.Enqueue(line.Message);
                    if (lines.Count > LinesPerInstance)
                    {
                        lines.Dequeue();
                    }
                }
            }
            catch (WidemeshException exception)
            {
                lines.Enqueue($"(its logs could not be read: {exception.Message})");
            }

            result[$"{instance.Rack}/{instance.Id}"] = [.. lines];
        }

        return result;
    }
}
