namespace Widemesh.Sdk.Contracts;

/// <summary>One running (or failed) process of a stack or service on one rack.</summary>
public sealed record InstanceInfo
{
    /// <summary>The stack or service name, a dot and the index: <c>web.1</c>.</summary>
    public required string Id { get; init; }

    public required string Rack { get; init; }

    /// <summary><c>stack</c> or <c>service</c>.</summary>
    public required string Kind { get; init; }

    public required string Name { get; init; }

    public required int Index { get; init; }

    /// <summary><c>starting</c>, <c>running</c>, <c>healthy</c>, <c>unhealthy</c>, <c>crashed</c> or <c>stopped</c>.</summary>
    public required string State { get; init; }

    public int? Pid { get; init; }

    public int Restarts { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public int? LastExitCode { get; init; }

    /// <summary>Where the instance listens inside the environment, such as <c>127.42.1.1:8080</c>.</summary>
    public string? Address { get; init; }

    /// <summary>Why the instance is not healthy, when it is not.</summary>
    public string? Message { get; init; }
}
