using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Widemesh.Platform.Auth;
using Widemesh.Platform.Store;
using Widemesh.Sdk.Contracts;
using Widemesh.Sdk.Naming;

namespace Widemesh.Platform.Apis;

/// <summary>
/// <c>/v1/environments/{name}/migration</c>: the record of a rack migration in progress, so <c>mesh env migrate</c>
/// resumes where it stopped. <c>If-Match</c> guards changes; <c>If-None-Match: *</c> creates only when none exists.
/// </summary>
internal static class EnvironmentMigrationApi
{
    private const int MaxResolvers = 16;
    private const int MaxTtlSeconds = 7 * 24 * 3600;

    public static IEndpointRouteBuilder MapEnvironmentMigrationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/environments/{name}/migration").RequireAuthorization().WithTags("Environments")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", GetAsync);
        group.MapPut("/", PutAsync).Accepts<MigrationRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapDelete("/", DeleteAsync).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return app;
    }

    private static async Task<Results<Ok<MigrationInfo>, ProblemHttpResult>> GetAsync(
        string name, HttpContext context, IPlatformStore store, CancellationToken cancellationToken)
    {
        var accountId = CallerContext.Get(context).AccountId;
        var stored = await store.GetEnvironmentMigrationAsync(accountId, name, cancellationToken);
        if (stored is null)
        {
            return await store.GetEnvironmentAsync(accountId, name, cancellationToken) is null ? EnvironmentNotFound(name) : MigrationNotFound(name);
        }

        ETags.Set(context.Response, stored.Version);
        return TypedResults.Ok(ToContract(stored));
    }

    private static async Task<Results<Ok<MigrationInfo>, ProblemHttpResult>> PutAsync(
        string name, HttpContext context, IPlatformStore store, CancellationToken cancellationToken)
    {
        var (expectedVersion, ifMatchProblem) = ETags.ReadIfMatch(context.Request);
        if (ifMatchProblem is not null)
        {
            return ifMatchProblem;
        }

        string? ifNoneMatch = context.Request.Headers.IfNoneMatch;
        var mustBeNew = ifNoneMatch?.Trim() == "*";
        if (ifNoneMatch is not null && !mustBeNew)
        {
            return Problems.Validation("If-None-Match", $"If-None-Match '{ifNoneMatch}' is not supported here: send If-None-Match: * to record a migration only when none is recorded.");
        }

        var body = await JsonBody.ReadAsync<MigrationRequest>(context.Request, cancellationToken);
        if (body.Value is not { } request)
        {
            return body.Problem!;
        }

        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var accountId = CallerContext.Get(context).AccountId;
        var json = JsonSerializer.Serialize(request, WidemeshJsonContext.Default.MigrationRequest);
        var result = await store.PutEnvironmentMigrationAsync(accountId, name, json, expectedVersion, mustBeNew, cancellationToken);
        switch (result.Outcome)
        {
            case StoreOutcome.NotFound:
                return result.Names is ["environment"] ? EnvironmentNotFound(name) : MigrationNotFound(name);
            case StoreOutcome.Stale when mustBeNew:
                return AlreadyRecorded(name, result.CurrentVersion!.Value);
            case StoreOutcome.Stale:
                return Problems.PreconditionFailed($"The migration of environment '{name}'", expectedVersion!.Value, result.CurrentVersion!.Value);
        }

        ETags.Set(context.Response, result.Value!.Version);
        return TypedResults.Ok(ToContract(result.Value));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string name, HttpContext context, IPlatformStore store, CancellationToken cancellationToken)
    {
        var (expectedVersion, ifMatchProblem) = ETags.ReadIfMatch(context.Request);
        if (ifMatchProblem is not null)
        {
            return ifMatchProblem;
        }

        var result = await store.DeleteEnvironmentMigrationAsync(CallerContext.Get(context).AccountId, name, expectedVersion, cancellationToken);
        return result.Outcome switch
        {
            StoreOutcome.NotFound => result.Names is ["environment"] ? EnvironmentNotFound(name) : MigrationNotFound(name),
            StoreOutcome.Stale => Problems.PreconditionFailed($"The migration of environment '{name}'", expectedVersion!.Value, result.CurrentVersion!.Value),
            _ => TypedResults.NoContent(),
        };
    }

    private static MigrationInfo ToContract(StoredEnvironmentMigration stored)
    {
        var request = JsonSerializer.Deserialize(stored.Json, WidemeshJsonContext.Default.MigrationRequest)
            ?? throw new InvalidOperationException($"The stored migration of environment '{stored.EnvironmentName}' is JSON null.");
        return new MigrationInfo
        {
            Environment = stored.EnvironmentName,
            From = request.From,
            To = request.To,
            Step = request.Step,
            StartedAt = request.StartedAt,
            SwitchedAt = request.SwitchedAt,
            TtlSeconds = request.TtlSeconds,
            Resolvers = request.Resolvers ?? [],
            LastCheck = request.LastCheck,
            Version = stored.Version,
            UpdatedAt = stored.UpdatedAt,
        };
    }

    private static Dictionary<string, string[]> Validate(MigrationRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        Add(errors, "from", NameRules.ValidateRacks(request.From, "from"));
        Add(errors, "to", NameRules.Validate(request.To, "to"));
        if (request.To is not null && request.From?.Contains(request.To, StringComparer.Ordinal) == true)
        {
            Add(errors, "to", $"to '{request.To}' is also in from: a migration moves to a rack the environment is leaving from only by aborting; name a rack outside from.");
        }

        if (request.Step is null || !MigrationSteps.All.Contains(request.Step, StringComparer.Ordinal))
        {
            Add(errors, "step", $"step '{request.Step}' is not a migration step: use one of {string.Join(", ", MigrationSteps.All)}.");
        }

        if (request.StartedAt == default)
        {
            Add(errors, "startedAt", "startedAt is missing: send when the migration started, as an ISO 8601 time such as 2026-01-02T03:04:05Z.");
        }

        if (request.TtlSeconds is < 0 or > MaxTtlSeconds)
        {
            Add(errors, "ttlSeconds", $"ttlSeconds {request.TtlSeconds.ToString(CultureInfo.InvariantCulture)} is out of range: give the old record's TTL, from 0 to {MaxTtlSeconds.ToString(CultureInfo.InvariantCulture)} (7 days).");
        }

        var resolvers = request.Resolvers ?? [];
        if (resolvers.Count > MaxResolvers)
        {
            Add(errors, "resolvers", $"{resolvers.Count.ToString(CultureInfo.InvariantCulture)} resolvers were given; record at most {MaxResolvers.ToString(CultureInfo.InvariantCulture)}.");
        }
        else if (resolvers.FirstOrDefault(r => !IPAddress.TryParse(r, out _) && !IPEndPoint.TryParse(r ?? string.Empty, out _)) is { } bad)
        {
            Add(errors, "resolvers", $"resolver '{bad}' is not an IP address with an optional port: give one such as 127.0.0.1, 10.0.0.2:53 or [::1]:5353.");
        }

        if (request.LastCheck is { Answers: var answers } && (answers?.Count ?? 0) > MaxResolvers)
        {
            Add(errors, "lastCheck.answers", $"lastCheck has {answers!.Count.ToString(CultureInfo.InvariantCulture)} answers; record at most {MaxResolvers.ToString(CultureInfo.InvariantCulture)}.");
        }

        return errors;
    }

    private static void Add(Dictionary<string, string[]> errors, string field, string? message)
    {
        if (message is not null)
        {
            errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
        }
    }

    private static ProblemHttpResult AlreadyRecorded(string name, long current) => TypedResults.Problem(
        $"A migration of environment '{name}' is already recorded (version {current.ToString(CultureInfo.InvariantCulture)}), and If-None-Match: * asked to record one only when none is. "
        + $"Read it with GET /v1/environments/{name}/migration and continue it, or delete it first.",
        statusCode: StatusCodes.Status412PreconditionFailed,
        title: "Migration already recorded",
        type: ProblemTypes.PreconditionFailed,
        extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["field"] = "If-None-Match", ["currentVersion"] = current });

    private static ProblemHttpResult EnvironmentNotFound(string name) =>
        Problems.NotFound($"This account has no environment named '{name}'. List its environments with GET /v1/environments.");

    private static ProblemHttpResult MigrationNotFound(string name) =>
        Problems.NotFound($"Environment '{name}' has no migration recorded: start one with 'mesh env migrate {name} --to RACK' (PUT /v1/environments/{name}/migration).");
}
