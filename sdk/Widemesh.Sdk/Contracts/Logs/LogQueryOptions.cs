namespace Widemesh.Sdk.Contracts.Logs;

/// <summary>What to read from an environment's logs; every filter left null matches everything.</summary>
public sealed record LogQueryOptions
{
    /// <summary>How far back to start; the platform's default (one minute) when null. Ignored when <see cref="Cursor"/> is set.</summary>
    public TimeSpan? Since { get; init; }

    /// <summary>A duration back from now (<c>5m</c>) or an RFC 3339 time at which to stop.</summary>
    public string? Until { get; init; }

    public string? Stack { get; init; }

    public string? Service { get; init; }

    public string? Rack { get; init; }

    public string? Instance { get; init; }

    /// <summary>Text the message must contain, ignoring case.</summary>
    public string? Filter { get; init; }

    /// <summary>The platform's heartbeat interval on a quiet follow when <see cref="Heartbeat"/> is not set.</summary>
    public static readonly TimeSpan DefaultHeartbeat = TimeSpan.FromSeconds(5);

    /// <summary>Keep the answer open and stream new entries as they arrive.</summary>
    public bool Follow { get; init; }

    /// <summary>
    /// With <see cref="Follow"/>: how often meshd writes a heartbeat line when it has nothing to send (1 s to 5 min;
    /// <see cref="DefaultHeartbeat"/> when null). A follow silent for more than three heartbeats is treated as dead.
    /// </summary>
    public TimeSpan? Heartbeat { get; init; }

    /// <summary>The <see cref="LogLine.Seq"/> of the last entry already received: the answer starts right after it.</summary>
    public long? Cursor { get; init; }
}
