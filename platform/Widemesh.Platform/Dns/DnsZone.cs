using System.Net;
using Widemesh.Platform.Configuration;
using Widemesh.Platform.Store;

namespace Widemesh.Platform.Dns;

/// <summary>
/// The records meshd serves for its zone, kept as an immutable snapshot that queries read without locks.
/// Every environment write calls <see cref="RefreshAsync"/> before it answers, so the DNS server gives the new
/// answer as soon as the API has acknowledged the change. Refreshes run one at a time, each reading the store
/// after the previous one, so the last refresh always reflects every committed write.
/// </summary>
internal sealed class DnsZone(IPlatformStore store, PlatformOptions options, TimeProvider time, ILogger<DnsZone> logger)
{
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private volatile DnsZoneSnapshot _snapshot = DnsZoneSnapshot.Empty;

    public string Zone => options.Zone;

    public int Ttl => (int)options.DnsTtl.TotalSeconds;

    public DnsZoneSnapshot Snapshot => _snapshot;

    public string HostnameOf(string environment) => $"{environment}.{options.Zone}";

    /// <summary>Rebuilds the snapshot from the store and moves the SOA serial forward.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshLock.WaitAsync(cancellationToken);
        try
        {
            var stored = await store.ListDnsHostsAsync(cancellationToken);
            var hosts = new Dictionary<string, DnsHost>(stored.Count, StringComparer.Ordinal);
            foreach (var host in stored)
            {
                var address = host.Address is not null && IPAddress.TryParse(host.Address, out var parsed) ? parsed : null;
                hosts[HostnameOf(host.Name)] = new DnsHost(HostnameOf(host.Name), host.Racks, address);
            }

            var serial = NextSerial(_snapshot.Serial);
            _snapshot = new DnsZoneSnapshot(serial, hosts);
            Log.DnsZoneRefreshed(logger, options.Zone, hosts.Count, serial);
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    /// <summary>Seconds since 1970 (so a restarted meshd never goes back), or one more than before when that is larger.</summary>
    private uint NextSerial(uint previous)
    {
        var now = (uint)Math.Clamp(time.GetUtcNow().ToUnixTimeSeconds(), 1, uint.MaxValue);
        return Math.Max(now, previous + 1);
    }
}
