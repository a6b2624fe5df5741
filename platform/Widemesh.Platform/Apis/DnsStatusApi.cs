using Widemesh.Platform.Dns;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Apis;

/// <summary><c>GET /v1/dns/status</c>: whether meshd's RFC 2136 updates to an external server go through. Any caller; no secrets inside.</summary>
internal static class DnsStatusApi
{
    public static IEndpointRouteBuilder MapDnsStatusApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/dns/status", (ExternalDnsHealth health) => TypedResults.Ok(new DnsStatus { External = health.Status() }))
            .RequireAuthorization().WithTags("DNS").ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }
}
