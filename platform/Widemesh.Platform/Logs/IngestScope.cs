namespace Widemesh.Platform.Logs;

/// <summary>What an ingest token may do: write the logs of one environment on one rack.</summary>
internal sealed record IngestScope(string TokenId, string EnvironmentId, string EnvironmentName, string Rack);
