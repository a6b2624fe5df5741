using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Widemesh.Platform.Auth;
using Widemesh.Platform.Racks;
using Widemesh.Platform.Store;
using Widemesh.Sdk.Contracts;
using Widemesh.Sdk.Naming;

namespace Widemesh.Platform.Apis;

/// <summary><c>/v1/racks</c>: the account's racks (names unique per account).</summary>
internal static class RacksApi
{
    public static IEndpointRouteBuilder MapRacksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/racks").RequireAuthorization().WithTags("Racks").ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync).Accepts<CreateRackRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{name}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPatch("/{name}", PatchAsync).Accepts<UpdateRackRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapDelete("/{name}", DeleteAsync)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return app;
    }

    public static Rack ToContract(StoredRack rack) => new()
    {
        Id = rack.Id,
        Name = rack.Name,
        Provider = rack.Provider,
        Region = rack.Region,
        Status = rack.Status,
        IngressAddress = rack.IngressAddress,
        ManagedBy = rack.ManagedBy,
        Version = rack.Version,
        CreatedAt = rack.CreatedAt,
        UpdatedAt = rack.UpdatedAt,
    };

    private static async Task<Ok<RackList>> ListAsync(HttpContext context, IPlatformStore store, CancellationToken cancellationToken)
    {
        var racks = await store.ListRacksAsync(CallerContext.Get(context).AccountId, cancellationToken);
        return TypedResults.Ok(new RackList([.. racks.Select(ToContract)]));
    }

    private static async Task<Results<Ok<Rack>, ProblemHttpResult>> GetAsync(
        string name, HttpContext context, IPlatformStore store, CancellationToken cancellationToken)
    {
        var rack = await store.GetRackAsync(CallerContext.Get(context).AccountId, name, cancellationToken);
        if (rack is null)
        {
            return NotFound(name);
        }

        ETags.Set(context.Response, rack.Version);
        return TypedResults.Ok(ToContract(rack));
    }

    private static async Task<Results<Created<Rack>, ProblemHttpResult>> CreateAsync(
        HttpContext context, IPlatformStore store, RackRuntimes runtimes, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<CreateRackRequest>(context.Request, cancellationToken);
        if (body.Value is not { } request)
        {
            return body.Problem!;
        }

        if (NameRules.Validate(request.Name, "name") is { } nameProblem)
        {
            return Problems.Validation("name", nameProblem);
        }

        var provider = request.Provider ?? RackProviders.Local;
        if (!RackProviders.All.Contains(provider))
        {
            return Problems.Validation("provider", $"provider '{provider}' is not a rack provider: use 'local' (this machine) or 'aws' (with a region).");
        }

        var region = string.IsNullOrWhiteSpace(request.Region) ? null : request.Region;
        if (provider == RackProviders.Local && region is not null)
        {
            return Problems.Validation("region", "region applies to aws racks only: leave it out for a local rack, or set provider to 'aws'.");
        }

        if (provider == RackProviders.Aws)
        {
            if (region is null)
            {
                return Problems.Validation("region", "region is required for an aws rack: give an AWS region such as 'us-east-1' or 'eu-west-1'.");
            }

            if (!AwsRegions.IsKnown(region))
            {
                return Problems.UnknownRegion(region, AwsRegions.Nearest(region));
            }
        }

        if (EnvironmentsApi.ValidateManagedBy(request.ManagedBy) is { } managedByProblem)
        {
            return Problems.Validation("managedBy", managedByProblem);
        }

        string? ingressAddress = null;
        if (!string.IsNullOrWhiteSpace(request.IngressAddress))
        {
            if (!IPAddress.TryParse(request.IngressAddress, out var parsed) || parsed.Equals(IPAddress.Any) || parsed.Equals(IPAddress.IPv6Any) || IsMulticast(parsed))
            {
                return Problems.Validation("ingressAddress", $"ingressAddress '{request.IngressAddress}' is not a unicast IP address: give one such as 127.0.1.5 or ::1, or leave it out and the platform picks a free loopback address.");
            }

            ingressAddress = parsed.ToString();
        }

        var caller = CallerContext.Get(context);
        var rack = new NewRack(caller.AccountId, request.Name, provider, region, string.Empty, ingressAddress, EmptyToNull(request.ManagedBy));
        var status = await runtimes.For(provider).PrepareRackAsync(rack, cancellationToken);
        var result = await store.CreateRackAsync(rack with { Status = status }, cancellationToken);
        if (result.Outcome == StoreOutcome.NameTaken)
        {
            return Problems.NameTaken("name", $"This account already has a rack named '{request.Name}'. Pick another name, or use the existing rack.");
        }

        if (result.Outcome == StoreOutcome.AddressTaken)
        {
            return Problems.Conflict($"ingressAddress {ingressAddress} is the ingress of another rack: give another address, or leave ingressAddress out and the platform picks a free one.");
        }

        var stored = result.Value!;
        Log.RackCreated(loggers.CreateLogger(typeof(RacksApi)), stored.Name, stored.Provider, caller.AccountName);
        ETags.Set(context.Response, stored.Version);
        return TypedResults.Created($"/v1/racks/{stored.Name}", ToContract(stored));
    }

    /// <summary>Changes only <c>managedBy</c>: every other rack field is fixed, so naming one is a 400.</summary>
    private static async Task<Results<Ok<Rack>, ProblemHttpResult>> PatchAsync(
        string name, HttpContext context, IPlatformStore store, CancellationToken cancellationToken)
    {
        var (expectedVersion, ifMatchProblem) = ETags.ReadIfMatch(context.Request);
        if (ifMatchProblem is not null)
        {
            return ifMatchProblem;
        }

        context.Request.EnableBuffering();
        var body = await JsonBody.ReadAsync<UpdateRackRequest>(context.Request, cancellationToken);
        if (body.Value is not { } request)
        {
            return body.Problem!;
        }

        context.Request.Body.Position = 0;
        using (var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: cancellationToken))
        {
            var other = document.RootElement.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => !n.Equals("managedBy", StringComparison.OrdinalIgnoreCase));
            if (other is not null)
            {
                return Problems.Validation(
                    other,
                    $"{other} cannot change on a rack: racks are replaced, not updated. Only managedBy can be patched; to change {other}, delete the rack and create it again.");
            }
        }

        if (EnvironmentsApi.ValidateManagedBy(request.ManagedBy) is { } managedByProblem)
        {
            return Problems.Validation("managedBy", managedByProblem);
        }

        var caller = CallerContext.Get(context);
        var result = await store.UpdateRackManagedByAsync(caller.AccountId, name, EmptyToNull(request.ManagedBy), expectedVersion, cancellationToken);
        switch (result.Outcome)
        {
            case StoreOutcome.NotFound:
                return NotFound(name);
            case StoreOutcome.Stale:
                return Problems.PreconditionFailed($"Rack '{name}'", expectedVersion!.Value, result.CurrentVersion!.Value);
        }

        var rack = result.Value!;
        ETags.Set(context.Response, rack.Version);
        return TypedResults.Ok(ToContract(rack));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string name, HttpContext context, IPlatformStore store, RackRuntimes runtimes, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (expectedVersion, ifMatchProblem) = ETags.ReadIfMatch(context.Request);
        if (ifMatchProblem is not null)
        {
            return ifMatchProblem;
        }

        var caller = CallerContext.Get(context);
        var result = await store.DeleteRackAsync(caller.AccountId, name, expectedVersion, cancellationToken);
        switch (result.Outcome)
        {
            case StoreOutcome.NotFound:
                return NotFound(name);
            case StoreOutcome.Stale:
                return Problems.PreconditionFailed($"Rack '{name}'", expectedVersion!.Value, result.CurrentVersion!.Value);
            case StoreOutcome.InUse:
                return Problems.RackInUse(name, result.Names);
        }

        await runtimes.For(result.Value!.Provider).ReleaseRackAsync(result.Value, cancellationToken);
        Log.RackDeleted(loggers.CreateLogger(typeof(RacksApi)), name, caller.AccountName);
        return TypedResults.NoContent();
    }

    private static string? EmptyToNull(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static bool IsMulticast(IPAddress address) =>
        address.IsIPv6Multicast || (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && address.GetAddressBytes()[0] is >= 224 and <= 239);

    private static ProblemHttpResult NotFound(string name) =>
        Problems.NotFound($"This account has no rack named '{name}'. List its racks with GET /v1/racks.");
}
