using System.Collections.Immutable;

namespace Widemesh.Platform.Dns;

/// <summary>The zone as served at one moment: every host by its lower-case name (no trailing dot), and the SOA serial.</summary>
internal sealed record DnsZoneSnapshot(uint Serial, ImmutableDictionary<string, DnsHost> Hosts)
{
    public static DnsZoneSnapshot Empty { get; } = new(0, ImmutableDictionary.Create<string, DnsHost>(StringComparer.Ordinal));
}
