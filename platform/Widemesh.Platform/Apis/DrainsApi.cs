using Microsoft.AspNetCore.Http.HttpResults;
using Widemesh.Platform.Auth;
using Widemesh.Platform.Drains;
using Widemesh.Platform.Store;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Apis;

/// <summary>
/// <c>/v1/environments/{name}/drains</c>: forward an environment's logs to syslog servers (RFC 5424 over TCP or
/// TLS). Only the account's own environments are visible; others answer 404.
/// </summary>
internal static class DrainsApi
{
    public static IEndpointRouteBuilder MapDrainsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/environments/{name}/drains").RequireAuthorization().WithTags("Logs")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync).Accepts<CreateDrainRequest>("application/json").ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapDelete("/{id}", DeleteAsync);
        return app;
    }

    private static async Task<Results<Ok<DrainList>, ProblemHttpResult>> ListAsync(
        string name, HttpContext context, IPlatformStore store, DrainRegistry drains, CancellationToken cancellationToken)
    {
        if (await FindAsync(name, context, store, cancellationToken) is not { } environment)
        {
            return NotFound(name);
        }

        return TypedResults.Ok(new DrainList([.. drains.List(environment.Id).Select(d => ToContract(d.Record, d.Status))]));
    }

    private static async Task<Results<Created<Drain>, ProblemHttpResult>> CreateAsync(
        string name, HttpContext context, IPlatformStore store, DrainRegistry drains, CancellationToken cancellationToken)
    {
        if (await FindAsync(name, context, store, cancellationToken) is not { } environment)
        {
            return NotFound(name);
        }

        var body = await JsonBody.ReadAsync<CreateDrainRequest>(context.Request, cancellationToken);
        if (body.Problem is { } bodyProblem)
        {
            return bodyProblem;
        }

        if (DrainEndpoint.TryParse(body.Value?.Url, out var problem) is not { } endpoint)
        {
            return Problems.Validation("url", problem!);
        }

        if (await drains.AddAsync(environment, endpoint, cancellationToken) is not { } added)
        {
            return Problems.Conflict(
                $"Environment '{name}' already has {DrainRegistry.MaxPerEnvironment} drains, the most it may have. Delete one (DELETE /v1/environments/{name}/drains/{{id}}) first.");
        }

        return TypedResults.Created($"/v1/environments/{name}/drains/{added.Record.Id}", ToContract(added.Record, added.Status));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string name, string id, HttpContext context, IPlatformStore store, DrainRegistry drains, CancellationToken cancellationToken)
    {
        if (await FindAsync(name, context, store, cancellationToken) is not { } environment)
        {
            return NotFound(name);
        }

        return await drains.RemoveAsync(environment.Id, id, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound($"Environment '{name}' has no drain '{id}'. List its drains with GET /v1/environments/{name}/drains.");
    }

    private static Task<StoredEnvironment?> FindAsync(string name, HttpContext context, IPlatformStore store, CancellationToken cancellationToken) =>
        store.GetEnvironmentAsync(CallerContext.Get(context).AccountId, name, cancellationToken);

    private static ProblemHttpResult NotFound(string name) =>
        Problems.NotFound($"This account has no environment named '{name}'. List its environments with GET /v1/environments.");

    private static Drain ToContract(DrainRecord record, DrainStatus status) => new()
    {
        Id = record.Id,
        Environment = record.EnvironmentName,
        Url = record.Url,
        CreatedAt = record.CreatedAt,
        Version = record.Version,
        Forwarded = status.Forwarded,
        Cursor = status.Cursor,
        Connected = status.Connected,
        LastError = status.LastError,
        LastErrorAt = status.LastErrorAt,
    };
}
