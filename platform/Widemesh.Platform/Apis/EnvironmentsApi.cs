using Microsoft.AspNetCore.Http.HttpResults;
using Widemesh.Platform.Auth;
using Widemesh.Platform.Configuration;
using Widemesh.Platform.Dns;
using Widemesh.Platform.Logs;
using Widemesh.Platform.Racks;
using Widemesh.Platform.Releases;
using Widemesh.Platform.Store;
using Widemesh.Sdk.Contracts;
using Widemesh.Sdk.Naming;
using Widemesh.Sdk.Workloads;

namespace Widemesh.Platform.Apis;

/// <summary><c>/v1/environments</c> and the name check <c>/v1/environment-names/{name}</c>.</summary>
internal static class EnvironmentsApi
{
    private const int MaxManagedByLength = 100;

    public static IEndpointRouteBuilder MapEnvironmentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/environments").RequireAuthorization().WithTags("Environments").ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync).Accepts<CreateEnvironmentRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/{name}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPatch("/{name}", PatchAsync).Accepts<UpdateEnvironmentRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPut("/{name}", PutAsync).Accepts<UpdateEnvironmentRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapDelete("/{name}", DeleteAsync).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        app.MapGet("/v1/environment-names/{name}", CheckNameAsync).RequireAuthorization().WithTags("Environments");
        return app;
    }

    public static EnvironmentInfo ToContract(StoredEnvironment environment, string zone) => new()
    {
        Id = environment.Id,
        Name = environment.Name,
        Racks = environment.Racks,
        PrimaryRack = environment.Racks[^1],
        Hostname = $"{environment.Name}.{zone}",
        Status = environment.Status,
        ManagedBy = environment.ManagedBy,
        Stacks = environment.Stacks,
        Services = environment.Services,
        Release = environment.Release,
        Version = environment.Version,
        CreatedAt = environment.CreatedAt,
        UpdatedAt = environment.UpdatedAt,
    };

    private static async Task<Ok<EnvironmentList>> ListAsync(
        HttpContext context, IPlatformStore store, PlatformOptions options, CancellationToken cancellationToken)
    {
        var environments = await store.ListEnvironmentsAsync(CallerContext.Get(context).AccountId, cancellationToken);
        return TypedResults.Ok(new EnvironmentList([.. environments.Select(e => ToContract(e, options.Zone))]));
    }

    private static async Task<Results<Ok<EnvironmentInfo>, ProblemHttpResult>> GetAsync(
        string name, HttpContext context, IPlatformStore store, PlatformOptions options, CancellationToken cancellationToken)
    {
        var environment = await store.GetEnvironmentAsync(CallerContext.Get(context).AccountId, name, cancellationToken);
        if (environment is null)
        {
            return NotFound(name);
        }

        ETags.Set(context.Response, environment.Version);
        return TypedResults.Ok(ToContract(environment, options.Zone));
    }

    private static async Task<Results<Created<EnvironmentInfo>, ProblemHttpResult>> CreateAsync(
        HttpContext context, IPlatformStore store, RackRuntimes runtimes, DnsZone dns, PlatformOptions options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<CreateEnvironmentRequest>(context.Request, cancellationToken);
        if (body.Value is not { } request)
        {
            return body.Problem!;
        }

        var errors = new Dictionary<string, string[]>();
        AddError(errors, "name", NameRules.Validate(request.Name, "name"));
        AddError(errors, "racks", NameRules.ValidateRacks(request.Racks, "racks"));
        AddError(errors, "managedBy", ValidateManagedBy(request.ManagedBy));
        AddWorkloadErrors(errors, request.Stacks, request.Services);
        if (request.Release is not null)
        {
            AddError(errors, "release", "An environment's first release is uploaded after it is created: create it without release, POST the directory to /v1/environments/{name}/releases, then PATCH release.");
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var caller = CallerContext.Get(context);
        if (await runtimes.FindPlacementProblemAsync(caller.AccountId, request.Racks, request.Stacks ?? [], request.Services ?? [], cancellationToken) is { } cannotRun)
        {
            return Problems.CannotRun(cannotRun);
        }

        var result = await store.CreateEnvironmentAsync(
            new NewEnvironment(caller.AccountId, request.Name, request.Racks, request.ManagedBy) { Stacks = request.Stacks ?? [], Services = request.Services ?? [] },
            cancellationToken);
        switch (result.Outcome)
        {
            case StoreOutcome.NameTaken:
                var yours = await store.GetEnvironmentNameClaimAsync(caller.AccountId, request.Name, cancellationToken) == NameClaim.Yours;
                return Problems.NameTaken("name", yours
                    ? $"This account already has an environment named '{request.Name}'. Change it with PATCH /v1/environments/{request.Name}, or pick another name."
                    : $"The environment name '{request.Name}' is taken: environment names are unique across the whole platform, because they become DNS names. Pick another name.");
            case StoreOutcome.UnknownRacks:
                return await UnknownRacksAsync(store, caller, result.Names, cancellationToken);
            case StoreOutcome.PortInUse:
                return PortInUse(result.Names);
        }

        var environment = result.Value!;

        // The write is committed: the zone follows it even when the caller has gone away.
        await runtimes.ApplyAsync(caller.AccountId, null, environment, () => dns.RefreshHostAsync(environment.Name, CancellationToken.None), CancellationToken.None);
        Log.EnvironmentCreated(loggers.CreateLogger(typeof(EnvironmentsApi)), environment.Name, caller.AccountName, string.Join(',', environment.Racks));
        ETags.Set(context.Response, environment.Version);
        return TypedResults.Created($"/v1/environments/{environment.Name}", ToContract(environment, options.Zone));
    }

    private static Task<Results<Ok<EnvironmentInfo>, ProblemHttpResult>> PatchAsync(
        string name, HttpContext context, IPlatformStore store, RackRuntimes runtimes, LogEnvironmentCleanup logs, PlatformOptions options, ILoggerFactory loggers, CancellationToken cancellationToken) =>
        UpdateAsync(name, replace: false, context, store, runtimes, logs, options, loggers, cancellationToken);

    private static Task<Results<Ok<EnvironmentInfo>, ProblemHttpResult>> PutAsync(
        string name, HttpContext context, IPlatformStore store, RackRuntimes runtimes, LogEnvironmentCleanup logs, PlatformOptions options, ILoggerFactory loggers, CancellationToken cancellationToken) =>
        UpdateAsync(name, replace: true, context, store, runtimes, logs, options, loggers, cancellationToken);

    private static async Task<Results<Ok<EnvironmentInfo>, ProblemHttpResult>> UpdateAsync(
        string name,
        bool replace,
        HttpContext context,
        IPlatformStore store,
        RackRuntimes runtimes,
        LogEnvironmentCleanup logs,
        PlatformOptions options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var (expectedVersion, ifMatchProblem) = ETags.ReadIfMatch(context.Request);
        if (ifMatchProblem is not null)
        {
            return ifMatchProblem;
        }

        var body = await JsonBody.ReadAsync<UpdateEnvironmentRequest>(context.Request, cancellationToken);
        if (body.Value is not { } request)
        {
            return body.Problem!;
        }

        var errors = new Dictionary<string, string[]>();
        if (replace || request.Racks is not null)
        {
            AddError(errors, "racks", NameRules.ValidateRacks(request.Racks, "racks"));
        }

        AddError(errors, "managedBy", ValidateManagedBy(request.ManagedBy));
        AddWorkloadErrors(errors, request.Stacks, request.Services);
        if (request.Release is { Length: > 0 } releaseId && !releaseId.StartsWith("rel_", StringComparison.Ordinal))
        {
            AddError(errors, "release", $"release '{releaseId}' is not a release id (rel_…); list the environment's releases with GET /v1/environments/{name}/releases.");
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var caller = CallerContext.Get(context);
        if (runtimes.RefusesLocalWork && (request.Racks is not null || request.Stacks is not null || request.Services is not null))
        {
            var current = await store.GetEnvironmentAsync(caller.AccountId, name, cancellationToken);
            if (current is not null && await runtimes.FindPlacementProblemAsync(
                    caller.AccountId,
                    request.Racks ?? current.Racks,
                    request.Stacks ?? (replace ? [] : current.Stacks),
                    request.Services ?? (replace ? [] : current.Services),
                    cancellationToken) is { } cannotRun)
            {
                return Problems.CannotRun(cannotRun);
            }
        }

        var change = new EnvironmentChange(caller.AccountId, name, request.Racks, replace || request.ManagedBy is not null, request.ManagedBy, expectedVersion)
        {
            Stacks = replace ? request.Stacks ?? [] : request.Stacks,
            Services = replace ? request.Services ?? [] : request.Services,
            SetRelease = replace || request.Release is not null,
            Release = request.Release is { Length: > 0 } ? request.Release : null,
        };
        var result = await store.UpdateEnvironmentAsync(change, cancellationToken);
        switch (result.Outcome)
        {
            case StoreOutcome.NotFound:
                return NotFound(name);
            case StoreOutcome.Stale:
                return Problems.PreconditionFailed($"Environment '{name}'", expectedVersion!.Value, result.CurrentVersion!.Value);
            case StoreOutcome.UnknownRacks:
                return await UnknownRacksAsync(store, caller, result.Names, cancellationToken);
            case StoreOutcome.PortInUse:
                return PortInUse(result.Names);
            case StoreOutcome.UnknownRelease:
                return Problems.Validation("release", $"Environment '{name}' has no release '{result.Names[0]}'. Upload one with POST /v1/environments/{name}/releases (mesh deploy does), or list them with GET /v1/environments/{name}/releases.");
        }

        var environment = result.Value!;
        if (result.Previous is { } previous && previous.Version != environment.Version)
        {
            var dns = context.RequestServices.GetRequiredService<DnsZone>();
            await runtimes.ApplyAsync(caller.AccountId, previous, environment, () => dns.RefreshHostAsync(name, CancellationToken.None), CancellationToken.None);
            await logs.ApplyAsync(previous, environment, cancellationToken);
            Log.EnvironmentUpdated(loggers.CreateLogger(typeof(EnvironmentsApi)), environment.Name, caller.AccountName, string.Join(',', environment.Racks), environment.Version);
        }

        ETags.Set(context.Response, environment.Version);
        return TypedResults.Ok(ToContract(environment, options.Zone));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string name, HttpContext context, IPlatformStore store, RackRuntimes runtimes, LogEnvironmentCleanup logs, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (expectedVersion, ifMatchProblem) = ETags.ReadIfMatch(context.Request);
        if (ifMatchProblem is not null)
        {
            return ifMatchProblem;
        }

        var caller = CallerContext.Get(context);
        var result = await store.DeleteEnvironmentAsync(caller.AccountId, name, expectedVersion, cancellationToken);
        switch (result.Outcome)
        {
            case StoreOutcome.NotFound:
                return NotFound(name);
            case StoreOutcome.Stale:
                return Problems.PreconditionFailed($"Environment '{name}'", expectedVersion!.Value, result.CurrentVersion!.Value);
        }

        var dns = context.RequestServices.GetRequiredService<DnsZone>();
        await runtimes.ApplyAsync(caller.AccountId, result.Value, null, () => dns.RefreshHostAsync(name, CancellationToken.None), CancellationToken.None);
        await logs.ApplyAsync(result.Value!, null, cancellationToken);
        context.RequestServices.GetRequiredService<ReleaseStore>().DeleteEnvironment(result.Value!.Id);
        Log.EnvironmentDeleted(loggers.CreateLogger(typeof(EnvironmentsApi)), name, caller.AccountName);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<NameAvailability>> CheckNameAsync(
        string name, HttpContext context, IPlatformStore store, CancellationToken cancellationToken)
    {
        if (NameRules.Validate(name, "name") is { } problem)
        {
            return TypedResults.Ok(new NameAvailability { Name = name, Valid = false, Available = false, Problem = problem });
        }

        var claim = await store.GetEnvironmentNameClaimAsync(CallerContext.Get(context).AccountId, name, cancellationToken);
        return TypedResults.Ok(new NameAvailability
        {
            Name = name,
            Valid = true,
            Available = claim != NameClaim.Taken,
            Problem = claim == NameClaim.Taken
                ? $"The environment name '{name}' is taken: environment names are unique across the whole platform. Pick another name."
                : null,
        });
    }

    private static async Task<ProblemHttpResult> UnknownRacksAsync(
        IPlatformStore store, Caller caller, IReadOnlyList<string> unknown, CancellationToken cancellationToken)
    {
        var existing = await store.ListRacksAsync(caller.AccountId, cancellationToken);
        var names = unknown.Count == 1 ? $"rack '{unknown[0]}', which this account does not have" : $"racks {string.Join(", ", unknown.Select(u => $"'{u}'"))}, which this account does not have";
        var known = existing.Count == 0
            ? "The account has no racks yet: create one with POST /v1/racks."
            : $"Its racks are {string.Join(", ", existing.Select(r => r.Name))}; create others with POST /v1/racks.";
        return Problems.Validation("racks", $"racks names {names}. {known}");
    }

    private static ProblemHttpResult PortInUse(IReadOnlyList<string> clash) =>
        Problems.PortInUse(
            $"Public port {clash[0]} is already exposed by environment '{clash[1]}' on rack '{clash[2]}'; a rack's ingress serves each public port for one environment. Pick another publicPort, or move one of them to another rack.");

    private static void AddWorkloadErrors(Dictionary<string, string[]> errors, IReadOnlyList<StackSpec>? stacks, IReadOnlyList<ServiceSpec>? services)
    {
        foreach (var problem in WorkloadRules.Validate(stacks, services))
        {
            errors[problem.Field] = errors.TryGetValue(problem.Field, out var earlier) ? [.. earlier, problem.Message] : [problem.Message];
        }
    }

    private static ProblemHttpResult NotFound(string name) =>
        Problems.NotFound($"This account has no environment named '{name}'. List its environments with GET /v1/environments.");

    public static string? ValidateManagedBy(string? managedBy) =>
        managedBy is { Length: > MaxManagedByLength }
            ? $"managedBy is {managedBy.Length} characters long; keep it to {MaxManagedByLength} (such as 'terraform' or 'mesh')."
            : null;

    private static void AddError(Dictionary<string, string[]> errors, string field, string? message)
    {
        if (message is not null)
        {
            errors[field] = [message];
        }
    }
}
