namespace Widemesh.Sdk.Contracts;

/// <summary>Why an update to the external DNS server failed: the DNS response code (or <c>TIMEOUT</c>) and what to do.</summary>
public sealed record DnsStatusError
{
    public required DateTimeOffset At { get; init; }

    /// <summary><c>BADSIG</c>, <c>BADKEY</c>, <c>BADTIME</c>, <c>REFUSED</c>, <c>NOTAUTH</c>, <c>NOTZONE</c>, <c>SERVFAIL</c>, <c>TIMEOUT</c>, <c>NETWORK</c>…</summary>
    public required string Rcode { get; init; }

    public required string Message { get; init; }
}
