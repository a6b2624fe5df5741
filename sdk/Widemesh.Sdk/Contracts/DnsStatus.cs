namespace Widemesh.Sdk.Contracts;

/// <summary><c>GET /v1/dns/status</c>: how meshd's DNS publishing is doing. Holds no secret.</summary>
public sealed record DnsStatus
{
    /// <summary>The RFC 2136 updates to an external server; null when meshd sends none (no <c>--dns-update</c>).</summary>
    public DnsStatusExternal? External { get; init; }
}
