namespace Widemesh.Platform.Logs;

/// <summary>The answer of <see cref="IEnvironmentLookup"/>; <see cref="Environment"/> is set when access is allowed.</summary>
internal sealed record LogEnvironmentAccess(LogAccessOutcome Outcome, LogEnvironmentRef? Environment)
{
    public static LogEnvironmentAccess Allowed(LogEnvironmentRef environment) => new(LogAccessOutcome.Allowed, environment);

    public static LogEnvironmentAccess Unauthenticated { get; } = new(LogAccessOutcome.Unauthenticated, null);

    public static LogEnvironmentAccess NotFound { get; } = new(LogAccessOutcome.NotFound, null);
}
