using System.Net;
using Widemesh.Platform.Dns;

namespace Widemesh.Platform.Configuration;

/// <summary>Where meshd sends RFC 2136 updates of environment records, for which zone, signed with which TSIG key.</summary>
internal sealed record DnsUpdateOptions(IPEndPoint Server, string Zone, TsigKey Key, string KeyFile);
