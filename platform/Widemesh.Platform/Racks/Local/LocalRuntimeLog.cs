namespace Widemesh.Platform.Racks.Local;

/// <summary>The local rack runtime's log messages (event ids 7001–7099).</summary>
internal static partial class LocalRuntimeLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Local racks: each environment runs in its own network namespace (names {Prefix}*)")]
    public static partial void IsolationNetns(ILogger logger, string prefix);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Local racks: network namespaces are not available ({Reason}); environments with stacks or services will not run on local racks. Start meshd as root on Linux with iproute2, or with --isolation none (no isolation between environments)")]
    public static partial void IsolationUnavailable(ILogger logger, string reason);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Local racks: --isolation none, instances run in meshd's own network on 127.0.0.1 with no isolation between environments; every instance needs its own port")]
    public static partial void IsolationNone(ILogger logger);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Critical, Message = "Local racks: --isolation netns, but network namespaces are not available ({Reason}); meshd stops. Run it as root on Linux with iproute2, or pick --isolation auto or none")]
    public static partial void IsolationRequired(ILogger logger, string reason);

    [LoggerMessage(EventId = 7010, Level = LogLevel.Information, Message = "Environment {Environment} on rack {Rack}: instance {Instance} started (pid {Pid})")]
    public static partial void InstanceStarted(ILogger logger, string environment, string rack, string instance, int pid);

    [LoggerMessage(EventId = 7011, Level = LogLevel.Warning, Message = "Environment {Environment} on rack {Rack}: instance {Instance} {Problem}; restarting in {Delay}")]
    public static partial void InstanceCrashed(ILogger logger, string environment, string rack, string instance, string problem, TimeSpan delay);

    [LoggerMessage(EventId = 7012, Level = LogLevel.Information, Message = "Environment {Environment} on rack {Rack}: instance {Instance} stopped")]
    public static partial void InstanceStopped(ILogger logger, string environment, string rack, string instance);

    [LoggerMessage(EventId = 7013, Level = LogLevel.Error, Message = "Environment {Environment} on rack {Rack}: the supervisor of instance {Instance} failed")]
    public static partial void SupervisorFailed(ILogger logger, Exception exception, string environment, string rack, string instance);

    [LoggerMessage(EventId = 7020, Level = LogLevel.Information, Message = "Environment {Environment} on rack {Rack}: removed (namespace {Namespace}, directory {Directory})")]
    public static partial void EnvironmentRemoved(ILogger logger, string environment, string rack, string @namespace, string directory);

    [LoggerMessage(EventId = 7021, Level = LogLevel.Warning, Message = "Environment {Environment} on rack {Rack}: {Problem}")]
    public static partial void EnvironmentProblem(ILogger logger, string environment, string rack, string problem);

    [LoggerMessage(EventId = 7022, Level = LogLevel.Information, Message = "Local racks: cleaned up after the last run: {Namespaces} namespaces, {Processes} processes, {Directories} directories")]
    public static partial void CleanedUp(ILogger logger, int namespaces, int processes, int directories);

    [LoggerMessage(EventId = 7023, Level = LogLevel.Error, Message = "Local racks: environment {Environment} could not be started again on rack {Rack}")]
    public static partial void RestoreFailed(ILogger logger, Exception exception, string environment, string rack);

    [LoggerMessage(EventId = 7030, Level = LogLevel.Warning, Message = "Ingress {EndPoint} of environment {Environment}: {Problem}")]
    public static partial void IngressProblem(ILogger logger, string endPoint, string environment, string problem);

    [LoggerMessage(EventId = 7031, Level = LogLevel.Debug, Message = "Ingress {EndPoint}: a connection failed")]
    public static partial void IngressConnectionFailed(ILogger logger, Exception exception, string endPoint);

    [LoggerMessage(EventId = 7040, Level = LogLevel.Warning, Message = "Logs of instance {Instance} of environment {Environment} could not be stored; its output is dropped from now on")]
    public static partial void OutputLost(ILogger logger, Exception exception, string environment, string instance);
}
