using System.Collections.Immutable;
using System.Net;
using Widemesh.Platform.Configuration;
using Widemesh.Platform.Store;

namespace Widemesh.Platform.Dns;

/// <summary>
/// The records meshd serves for its zone, kept as an immutable snapshot that queries read without locks.
/// Every environment write calls <see cref="RefreshHostAsync"/> before it answers, so the DNS server gives the
/// new answer as soon as the API has acknowledged the change. Refreshes run one at a time and each reads the
/// store after the previous one, so the last refresh of a name always reflects every committed write to it.
/// </summary>
internal sealed class DnsZone(IPlatformStore store, PlatformOptions options, TimeProvider time, ILogger<DnsZone> logger)
{
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private volatile DnsZoneSnapshot _snapshot = DnsZoneSnapshot.Empty;

    public string Zone => options.Zone;

    public int Ttl => (int)options.DnsTtl.TotalSeconds;

    public DnsZoneSnapshot Snapshot => _snapshot;

    /// <summary>Raised with the host name after one environment's records were refreshed (changed or removed).</summary>
    public event Action<string>? HostChanged;

    public string HostnameOf(string environment) => $"{environment}.{options.Zone}";

    /// <summary>Rebuilds the whole snapshot from the store (at start).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshLock.WaitAsync(cancellationToken);
        try
        {
            var stored = await store.ListDnsHostsAsync(cancellationToken);
            var hosts = ImmutableDictionary.CreateBuilder<string, DnsHost>(StringComparer.Ordinal);
            foreach (var host in stored)
            {
                hosts[HostnameOf(host.Name)] = ToHost(host);
            }

            Publish(hosts.ToImmutable());
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    /// <summary>Reads one environment again after a write to it: its records change, or go when it is gone.</summary>
    public async Task RefreshHostAsync(string environment, CancellationToken cancellationToken)
    {
        await _refreshLock.WaitAsync(cancellationToken);
        try
        {
            var stored = await store.GetDnsHostAsync(environment, cancellationToken);
            var hosts = _snapshot.Hosts;
            Publish(stored is null ? hosts.Remove(HostnameOf(environment)) : hosts.SetItem(HostnameOf(environment), ToHost(stored)));
        }
        finally
        {
            _refreshLock.Release();
        }

        HostChanged?.Invoke(HostnameOf(environment));
    }

    private DnsHost ToHost(StoredDnsHost host) =>
        new(HostnameOf(host.Name), host.Racks, host.Address is not null && IPAddress.TryParse(host.Address, out var address) ? address : null);

    private void Publish(ImmutableDictionary<string, DnsHost> hosts)
    {
        var serial = NextSerial(_snapshot.Serial);
        _snapshot = new DnsZoneSnapshot(serial, hosts);
        Log.DnsZoneRefreshed(logger, options.Zone, hosts.Count, serial);
    }

    /// <summary>Seconds since 1970 (so a restarted meshd never goes back), or one more than before when that is larger.</summary>
    private uint NextSerial(uint previous)
    {
        var now = (uint)Math.Clamp(time.GetUtcNow().ToUnixTimeSeconds(), 1, uint.MaxValue);
        return Math.Max(now, previous + 1);
    }
}
