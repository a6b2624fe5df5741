namespace Widemesh.Sdk.Contracts;

/// <summary>
/// A log drain: meshd forwards every log line of the environment to a syslog server (RFC 5424 messages over TCP
/// with octet-counting framing, RFC 6587), from the moment the drain was created on.
/// </summary>
public sealed record Drain
{
    public required string Id { get; init; }

    public required string Environment { get; init; }

    /// <summary><c>syslog+tcp://host:port</c> or <c>syslog+tls://host:port</c>.</summary>
    public required string Url { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required long Version { get; init; }

    /// <summary>How many log lines the server has been sent through this drain.</summary>
    public required long Forwarded { get; init; }

    /// <summary>The <c>seq</c> of the last log line sent.</summary>
    public required long Cursor { get; init; }

    /// <summary>True while meshd holds an open connection to the server.</summary>
    public required bool Connected { get; init; }

    /// <summary>The last failure to reach or write to the server, or null when the last attempt worked.</summary>
    public string? LastError { get; init; }

    public DateTimeOffset? LastErrorAt { get; init; }
}
