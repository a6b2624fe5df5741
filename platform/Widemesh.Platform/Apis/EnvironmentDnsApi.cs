using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http.HttpResults;
using Widemesh.Platform.Auth;
using Widemesh.Platform.Dns;
using Widemesh.Platform.Store;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Apis;

/// <summary><c>/v1/environments/{name}/dns</c>: the records meshd serves for an environment, and what resolvers answer for it.</summary>
internal static class EnvironmentDnsApi
{
    private const int MaxResolvers = 16;

    public static IEndpointRouteBuilder MapEnvironmentDnsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/environments/{name}/dns").RequireAuthorization().WithTags("Environments")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", GetAsync);
        group.MapGet("/propagation", GetPropagationAsync).ProducesProblem(StatusCodes.Status400BadRequest);
        app.MapGet("/v1/dns/records", ListAsync).RequireAuthorization().WithTags("DNS").ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    /// <summary>Every environment's records in one answer, so a client listing environments does not ask once per environment.</summary>
    private static async Task<Ok<EnvironmentDnsList>> ListAsync(HttpContext context, IPlatformStore store, DnsZone zone, CancellationToken cancellationToken)
    {
        var accountId = CallerContext.Get(context).AccountId;
        var racks = (await store.ListRacksAsync(accountId, cancellationToken)).ToDictionary(rack => rack.Name, StringComparer.Ordinal);
        var environments = await store.ListEnvironmentsAsync(accountId, cancellationToken);
        var records = environments
            .OrderBy(environment => environment.Name, StringComparer.Ordinal)
            .Select(environment => Describe(environment, racks.GetValueOrDefault(environment.Racks[^1]), zone))
            .OfType<EnvironmentDns>()
            .ToList();
        return TypedResults.Ok(new EnvironmentDnsList { Environments = records });
    }

    private static async Task<Results<Ok<EnvironmentDns>, ProblemHttpResult>> GetAsync(
        string name, HttpContext context, IPlatformStore store, DnsZone zone, CancellationToken cancellationToken)
    {
        var (dns, problem) = await ReadAsync(name, context, store, zone, cancellationToken);
        return dns is null ? problem! : TypedResults.Ok(dns);
    }

    private static async Task<Results<Ok<DnsPropagation>, ProblemHttpResult>> GetPropagationAsync(
        string name, HttpContext context, IPlatformStore store, DnsZone zone, DnsPropagationChecker checker, CancellationToken cancellationToken)
    {
        var resolvers = new List<IPEndPoint>();
        var given = context.Request.Query["resolver"];
        if (given.Count > MaxResolvers)
        {
            return Problems.Validation("resolver", $"{given.Count} resolvers were given; ask at most {MaxResolvers} at a time.");
        }

        foreach (var text in given.OfType<string>())
        {
            if (ParseResolver(text) is not { } endPoint)
            {
                return Problems.Validation("resolver", $"resolver '{text}' is not an IP address with an optional port: give one such as 127.0.0.1, 10.0.0.2:53 or [::1]:5353.");
            }

            resolvers.Add(endPoint);
        }

        var (dns, problem) = await ReadAsync(name, context, store, zone, cancellationToken);
        if (dns is null)
        {
            return problem!;
        }

        if (resolvers.Count == 0)
        {
            resolvers.AddRange(checker.DefaultResolvers());
        }

        return TypedResults.Ok(await checker.CheckAsync(dns.Hostname, IPAddress.Parse(dns.ExpectedAddress), resolvers, cancellationToken));
    }

    private static async Task<(EnvironmentDns? Dns, ProblemHttpResult? Problem)> ReadAsync(
        string name, HttpContext context, IPlatformStore store, DnsZone zone, CancellationToken cancellationToken)
    {
        var accountId = CallerContext.Get(context).AccountId;
        var environment = await store.GetEnvironmentAsync(accountId, name, cancellationToken);
        if (environment is null)
        {
            return (null, Problems.NotFound($"This account has no environment named '{name}'. List its environments with GET /v1/environments."));
        }

        var primary = await store.GetRackAsync(accountId, environment.Racks[^1], cancellationToken);
        return Describe(environment, primary, zone) is { } dns
            ? (dns, null)
            : (null, Problems.Conflict($"Rack '{environment.Racks[^1]}', the last rack of environment '{name}', has no ingress address, so the environment has no DNS address yet."));
    }

    /// <summary>The records of <paramref name="environment"/>, whose last rack is <paramref name="primary"/>; null while that rack has no ingress address.</summary>
    private static EnvironmentDns? Describe(StoredEnvironment environment, StoredRack? primary, DnsZone zone)
    {
        if (primary?.IngressAddress is not { } text || !IPAddress.TryParse(text, out var address))
        {
            return null;
        }

        return new EnvironmentDns
        {
            Environment = environment.Name,
            Hostname = zone.HostnameOf(environment.Name),
            Ttl = zone.Ttl,
            ExpectedAddress = address.ToString(),
            Records =
            [
                new DnsRecord { Type = address.AddressFamily == AddressFamily.InterNetworkV6 ? "AAAA" : "A", Value = address.ToString() },
                new DnsRecord { Type = "TXT", Value = "racks=" + string.Join(',', environment.Racks) },
            ],
        };
    }

    private static IPEndPoint? ParseResolver(string text)
    {
        if (IPAddress.TryParse(text, out var bare))
        {
            return new IPEndPoint(bare, 53);
        }

        return IPEndPoint.TryParse(text, out var endPoint) ? (endPoint.Port == 0 ? new IPEndPoint(endPoint.Address, 53) : endPoint) : null;
    }
}
