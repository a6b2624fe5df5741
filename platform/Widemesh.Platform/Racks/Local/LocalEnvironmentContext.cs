using Widemesh.Platform.Logs;

namespace Widemesh.Platform.Racks.Local;

/// <summary>What every instance of one environment on one rack shares.</summary>
internal sealed record LocalEnvironmentContext(
    string EnvironmentId,
    string EnvironmentName,
    string RackName,
    string? Namespace,
    string PidDirectory,
    LogIngestor Logs,
    NamespaceSockets Sockets,
    HttpClient Health,
    LocalRuntimeSettings Settings,
    TimeProvider Time,
    ILogger Logger);
