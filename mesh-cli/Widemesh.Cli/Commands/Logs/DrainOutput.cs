using Widemesh.Sdk.Contracts;

namespace Widemesh.Cli.Commands.Logs;

/// <summary>One drain in <c>--json</c> output: what the platform reports, plus the workspace resource that manages it.</summary>
internal sealed record DrainOutput
{
    public required string Id { get; init; }

    public required string Environment { get; init; }

    public required string Url { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required long Forwarded { get; init; }

    public required long Cursor { get; init; }

    public required bool Connected { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset? LastErrorAt { get; init; }

    /// <summary>The workspace resource address (<c>widemesh_log_drain.NAME</c>), or null when this workspace does not manage it.</summary>
    public string? Resource { get; init; }

    public static DrainOutput From(Drain drain, string? resource) => new()
    {
        Id = drain.Id,
        Environment = drain.Environment,
        Url = drain.Url,
        CreatedAt = drain.CreatedAt,
        Forwarded = drain.Forwarded,
        Cursor = drain.Cursor,
        Connected = drain.Connected,
        LastError = drain.LastError,
        LastErrorAt = drain.LastErrorAt,
        Resource = resource,
    };
}
