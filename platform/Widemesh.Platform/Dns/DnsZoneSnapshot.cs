namespace Widemesh.Platform.Dns;

/// <summary>The zone as served at one moment: every host by its lower-case name (no trailing dot), and the SOA serial.</summary>
internal sealed record DnsZoneSnapshot(uint Serial, IReadOnlyDictionary<string, DnsHost> Hosts)
{
    public static DnsZoneSnapshot Empty { get; } = new(0, new Dictionary<string, DnsHost>(StringComparer.Ordinal));
}
