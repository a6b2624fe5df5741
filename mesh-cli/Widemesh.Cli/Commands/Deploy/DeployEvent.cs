namespace Widemesh.Cli.Commands.Deploy;

/// <summary>
/// One line of <c>mesh deploy --json</c> (NDJSON): <c>step</c> as each step starts (<c>build</c>, <c>create</c>,
/// <c>upload</c>, <c>apply</c>, <c>wait</c>), <c>instances</c> whenever what runs changes, then <c>done</c> or
/// <c>failed</c> (with the failing instances and their last log lines). Fields that do not apply are left out.
/// </summary>
internal sealed record DeployEvent
{
    public required string Event { get; init; }

    public required string Environment { get; init; }

    public string? Step { get; init; }

    public string? Message { get; init; }

    public string? Release { get; init; }

    public int? ReleaseNumber { get; init; }

    public long? SizeBytes { get; init; }

    public int? Ready { get; init; }

    public int? Expected { get; init; }

    public IReadOnlyList<DeployInstanceOutput>? Instances { get; init; }

    public string? Hostname { get; init; }

    public double? Seconds { get; init; }
}
