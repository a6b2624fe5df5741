using Microsoft.Extensions.Logging;

namespace Widemesh.Platform.Logs;

/// <summary>
/// The log store's log messages (event ids 5000–5099). Kept in the Logs folder until the project's single
/// <c>Log</c> class exists; then these move there unchanged.
/// </summary>
internal static partial class LogStoreLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Logs of environment {EnvironmentId}: cut {Bytes} bytes of torn or damaged tail from {Segment} at start-up")]
    public static partial void TrimmedTornTail(ILogger logger, string environmentId, string segment, long bytes);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "Logs of environment {EnvironmentId}: a write failed")]
    public static partial void WriteFailed(ILogger logger, string environmentId, Exception exception);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Error, Message = "Log retention failed")]
    public static partial void RetentionFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Ingest for environment {EnvironmentId} refused: the write queue stayed full")]
    public static partial void IngestQueueFull(ILogger logger, string environmentId);
}
