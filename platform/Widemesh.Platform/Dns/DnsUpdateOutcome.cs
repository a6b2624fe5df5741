namespace Widemesh.Platform.Dns;

/// <summary>The result of one RFC 2136 exchange: success, or the response code (or <c>TIMEOUT</c>/<c>NETWORK</c>) and what to do.</summary>
internal sealed record DnsUpdateOutcome(bool Succeeded, string Rcode, string Message)
{
    public static DnsUpdateOutcome Success { get; } = new(true, "NOERROR", "accepted");
}
