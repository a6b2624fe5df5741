using Widemesh.Sdk.Contracts;

namespace Widemesh.Sdk.Client;

/// <summary>The platform-wide DNS endpoint: <c>GET /v1/dns/status</c>.</summary>
public sealed partial class WidemeshClient
{
    /// <summary>How meshd's DNS publishing is doing, such as failing RFC 2136 updates to an external server.</summary>
    public async Task<DnsStatus> GetDnsStatusAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, "v1/dns/status", null, null, cancellationToken);
        return await ReadAsync(response, Json.DnsStatus, cancellationToken);
    }
}
