namespace Widemesh.Platform.Drains;

/// <summary>The log drains' log messages (event ids 5100–5199). Never carries log content or secrets.</summary>
internal static partial class DrainLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Drain {DrainId} of environment {Environment} connected to {Url}")]
    public static partial void Connected(ILogger logger, string drainId, string environment, string url);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Drain {DrainId} of environment {Environment} cannot send to {Url}: {Reason}; retrying in {Delay}")]
    public static partial void SendFailed(ILogger logger, string drainId, string environment, string url, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "Drain {DrainId} of environment {Environment} removed")]
    public static partial void Removed(ILogger logger, string drainId, string environment);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Error, Message = "Drain {DrainId} stopped unexpectedly")]
    public static partial void Crashed(ILogger logger, string drainId, Exception exception);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Error, Message = "Drains file {Path} cannot be read; its drains are not running until it is fixed or deleted")]
    public static partial void FileDamaged(ILogger logger, string path, Exception exception);
}
