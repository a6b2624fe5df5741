using Widemesh.Platform.Logs;

namespace Widemesh.Platform.Racks.Local;

/// <summary>What the local runtime hands to each environment it runs.</summary>
internal sealed record LocalRuntimeServices(string DataDirectory, LogIngestor Logs, NamespaceSockets Sockets, LocalRuntimeSettings Settings, TimeProvider Time, ILogger Logger);
