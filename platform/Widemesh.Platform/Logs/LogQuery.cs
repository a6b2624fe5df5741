namespace Widemesh.Platform.Logs;

/// <summary>
/// What to read from an environment's logs. Without <see cref="AfterSequence"/> the answer starts at
/// <see cref="Since"/> (default: the store's <see cref="LogStoreOptions.DefaultSince"/> ago); with it, the answer
/// holds exactly the entries after that sequence number that are still kept. <see cref="Stack"/> and
/// <see cref="Service"/> together match either; the other filters must all match. <see cref="Text"/> matches
/// anywhere in the message, ignoring case.
/// </summary>
internal sealed record LogQuery
{
    public DateTimeOffset? Since { get; init; }

    public DateTimeOffset? Until { get; init; }

    public long? AfterSequence { get; init; }

    public string? Stack { get; init; }

    public string? Service { get; init; }

    public string? Rack { get; init; }

    public string? Instance { get; init; }

    public string? Text { get; init; }

    /// <summary>Keep the answer open and stream new entries as they are written.</summary>
    public bool Follow { get; init; }

    /// <summary>
    /// With <see cref="Follow"/>: after this long without an entry to send, a <c>{"heartbeat":"…Z"}</c> line is
    /// written, so a client can tell a quiet environment from a dead connection. Null: no heartbeats.
    /// </summary>
    public TimeSpan? Heartbeat { get; init; }
}
