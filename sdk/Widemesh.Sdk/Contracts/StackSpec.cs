namespace Widemesh.Sdk.Contracts;

/// <summary>
/// An application component of an environment: a command run as <c>/bin/sh -c</c> in the release's directory,
/// as many instances as asked, optionally listening on <see cref="Port"/> and exposed on the rack's ingress at
/// <see cref="PublicPort"/>.
/// </summary>
public sealed record StackSpec
{
    public required string Name { get; init; }

    public required string Command { get; init; }

    /// <summary>How many instances run on each of the environment's racks (0 to 20).</summary>
    public int Instances { get; init; } = 1;

    /// <summary>The port each instance listens on inside the environment (its <c>PORT</c> variable).</summary>
    public int? Port { get; init; }

    /// <summary>The port on the rack's ingress address that forwards to the instances' <see cref="Port"/>.</summary>
    public int? PublicPort { get; init; }

    /// <summary>Extra environment variables of every instance.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public HealthCheckSpec? HealthCheck { get; init; }
}
