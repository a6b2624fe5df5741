using Widemesh.Sdk.Contracts;

namespace Widemesh.Cli.Commands.Deploy;

/// <summary>An instance as <c>mesh deploy --json</c> and <c>mesh ps --json</c> show it; <see cref="LastLines"/> only for failures.</summary>
internal sealed record DeployInstanceOutput
{
    public required string Rack { get; init; }

    public required string Id { get; init; }

    public required string Kind { get; init; }

    public required string Name { get; init; }

    public required string State { get; init; }

    public int Restarts { get; init; }

    public int? Pid { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public int? LastExitCode { get; init; }

    public string? Address { get; init; }

    public string? Message { get; init; }

    public IReadOnlyList<string>? LastLines { get; init; }

    public static DeployInstanceOutput From(InstanceInfo instance, IReadOnlyList<string>? lastLines = null) => new()
    {
        Rack = instance.Rack,
        Id = instance.Id,
        Kind = instance.Kind,
        Name = instance.Name,
        State = instance.State,
        Restarts = instance.Restarts,
        Pid = instance.Pid,
        StartedAt = instance.StartedAt,
        LastExitCode = instance.LastExitCode,
        Address = instance.Address,
        Message = instance.Message,
        LastLines = lastLines,
    };
}
