namespace Widemesh.Sdk.Contracts;

/// <summary>The state of the dynamic updates meshd sends to an external primary DNS server.</summary>
public sealed record DnsStatusExternal
{
    /// <summary>The server updates go to, as <c>IP:port</c>.</summary>
    public required string Server { get; init; }

    public required string Zone { get; init; }

    /// <summary>When the server last accepted an update; null before the first.</summary>
    public DateTimeOffset? LastSuccessAt { get; init; }

    /// <summary>The last failure, while it is more recent than the last success; null when updates are going through.</summary>
    public DnsStatusError? LastError { get; init; }

    /// <summary>Host names whose records are waiting to be sent (or re-sent after a failure).</summary>
    public required int Pending { get; init; }
}
