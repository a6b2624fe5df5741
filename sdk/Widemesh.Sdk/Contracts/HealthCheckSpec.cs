namespace Widemesh.Sdk.Contracts;

/// <summary>An HTTP check of a stack's instances: <c>GET path</c> on the instance's port answering 2xx or 3xx means healthy.</summary>
public sealed record HealthCheckSpec
{
    public string Path { get; init; } = "/";

    public int IntervalSeconds { get; init; } = 2;

    public int TimeoutSeconds { get; init; } = 2;

    /// <summary>How long a new instance may take to become healthy before it counts as failed.</summary>
    public int GraceSeconds { get; init; } = 60;
}
