using System.Net;

namespace Widemesh.Platform.Dns;

/// <summary>One environment's host name in the zone: its racks in order and the address of the last one's ingress.</summary>
internal sealed record DnsHost(string Hostname, IReadOnlyList<string> Racks, IPAddress? Address)
{
    /// <summary>The TXT record's text: the racks in order, the last one is where the address points.</summary>
    public string RacksText => "racks=" + string.Join(',', Racks);
}
