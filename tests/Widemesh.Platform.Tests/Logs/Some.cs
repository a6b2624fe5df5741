using System.Text;
using Widemesh.Platform.Logs;

namespace Widemesh.Platform.Tests.Logs;

/// <summary>Throwaway log data for the tests.</summary>
internal static class Some
{
    public const string EnvironmentId = "env_0123456789abcdef";

    public static LogSourceRef Web(string rack = "r1", string instance = "web-1") => new(rack, LogSourceKind.Stack, "web", instance);

    public static LogSourceRef Database(string rack = "r1") => new(rack, LogSourceKind.Service, "db", "db-1");

    public static LogDraft Draft(string message, LogSourceRef? source = null, LogStream stream = LogStream.Stdout)
    {
        source ??= Web();
        return new LogDraft(source.Rack, source.Kind, source.Source, source.Instance, stream, null, Encoding.UTF8.GetBytes(message), false);
    }

    public static List<LogDraft> Batch(int count, string prefix, LogSourceRef? source = null) =>
        [.. Enumerable.Range(0, count).Select(i => Draft($"{prefix} line {i}", source))];

    public static async Task<List<LogEntry>> ReadAllAsync(this IAsyncEnumerable<LogEntry> entries, CancellationToken cancellationToken)
    {
        var list = new List<LogEntry>();
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            list.Add(entry);
        }

        return list;
    }
}
