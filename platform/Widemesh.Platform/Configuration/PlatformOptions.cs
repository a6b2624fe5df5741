using System.Net;

namespace Widemesh.Platform.Configuration;

/// <summary>meshd's settings: where it keeps its state, where it listens, and the DNS zone of environments.</summary>
internal sealed record PlatformOptions(string DataDirectory, Uri Listen, string Zone)
{
    public const string DefaultZone = "widemesh.internal";

    public static Uri DefaultListen { get; } = new("http://127.0.0.1:4740");

    public static IPEndPoint DefaultDnsListen { get; } = new(IPAddress.Loopback, 5353);

    public static TimeSpan DefaultDnsTtl { get; } = TimeSpan.FromSeconds(60);

    /// <summary>Where the embedded authoritative DNS server answers (UDP and TCP); null when it is off.</summary>
    public IPEndPoint? DnsListen { get; init; } = DefaultDnsListen;

    /// <summary>The time to live of environments' DNS records.</summary>
    public TimeSpan DnsTtl { get; init; } = DefaultDnsTtl;

    /// <summary>Where RFC 2136 updates of environment records go (<c>--dns-update</c>); null when meshd sends none.</summary>
    public DnsUpdateOptions? DnsUpdate { get; init; }

    /// <summary>How local racks isolate environments from each other.</summary>
    public RackIsolation Isolation { get; init; } = RackIsolation.Auto;

    public string DatabasePath => Path.Combine(DataDirectory, "meshd.db");

    public string AdminTokenPath => Path.Combine(DataDirectory, "admin.token");

    public string LockPath => Path.Combine(DataDirectory, "meshd.lock");
}
