using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Widemesh.Platform.Logs;
using Widemesh.Sdk.Contracts;
using Widemesh.Sdk.Durations;

namespace Widemesh.Platform.Apis;

/// <summary>
/// <c>/v1/environments/{name}/logs</c>: batched ingestion (POST: JSON entries, or raw text lines of one source, see
/// <c>LogsApi.Text.cs</c>) and reading or following (GET, NDJSON), plus
/// <c>/v1/environments/{name}/log-tokens</c> to mint ingest tokens. The endpoints check tokens themselves: an
/// ingest token (<c>wml_…</c>) may only write its environment on its rack; an account token may read and write the
/// account's own environments, through <see cref="IEnvironmentLookup"/>.
/// </summary>
internal static partial class LogsApi
{
    public const string OldestHeader = "X-Widemesh-Logs-Oldest";

    /// <summary>On a follow, the seconds between heartbeats this server sends while it has nothing else to send.</summary>
    public const string HeartbeatHeader = "X-Widemesh-Logs-Heartbeat";

    public const string CursorHeader = "X-Widemesh-Logs-Cursor";

    public const string SinceHeader = "X-Widemesh-Logs-Since";

    /// <summary><c>true</c> when retention dropped entries of the environment (older than <see cref="OldestHeader"/>), else <c>false</c>.</summary>
    public const string DroppedHeader = "X-Widemesh-Logs-Dropped";

    public static IEndpointRouteBuilder MapLogsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/environments/{name}").WithTags("Logs");
        group.MapPost("/logs", IngestAsync)
            .Accepts<LogEntryInput[]>("application/json", "application/x-ndjson", "text/plain")
            .AddOpenApiOperationTransformer(DescribeTextBodyAsync);
        group.MapGet("/logs", ReadAsync).Produces(StatusCodes.Status200OK, contentType: "application/x-ndjson");
        group.MapPost("/log-tokens", MintTokenAsync).Accepts<MintIngestTokenRequest>("application/json");
        return app;
    }

    private static async Task<Results<Ok<LogIngestResponse>, ProblemHttpResult>> IngestAsync(
        string name,
        string? stack,
        string? service,
        string? instance,
        string? stream,
        string? rack,
        HttpContext context,
        IEnvironmentLookup lookup,
        IngestTokenService tokens,
        LogIngestor ingestor,
        LogStore store,
        CancellationToken cancellationToken)
    {
        var writer = await AuthorizeIngestAsync(name, context, lookup, tokens, cancellationToken);
        if (writer.Refusal is { } refusal)
        {
            return refusal;
        }

        if (IsPlainText(context.Request.ContentType))
        {
            var source = new TextSourceQuery(stack, service, instance, stream, rack);
            return await IngestTextAsync(name, source, writer, context, ingestor, store, cancellationToken);
        }

        var (body, problem) = await ReadBodyAsync(context, store.Options.MaxIngestBodyBytes, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        // The parse takes the pooled buffer over: messages without JSON escapes are stored from where they are in it.
        var pooled = body.Detach(out var length);
        var parsed = LogIngestParser.Parse(pooled, length, writer.TokenRack, writer.Racks);
        if (parsed.Batch is null)
        {
            return parsed.Malformed ? Problems.MalformedBody(parsed.Error!, parsed.Field) : Problems.Validation(parsed.Field ?? "entries", parsed.Error!);
        }

        var result = await ingestor.TryIngestAsync(writer.EnvironmentId, parsed.Batch, cancellationToken);
        return result is null
            ? Busy(context, name)
            : TypedResults.Ok(new LogIngestResponse(parsed.Accepted, result.Count, result.FirstSequence, result.LastSequence));
    }

    /// <summary>
    /// Who may write: an ingest token (its environment, its rack) or an account token (the account's environment,
    /// any of its racks). Shared by both body forms of <see cref="IngestAsync"/>.
    /// </summary>
    private static async Task<IngestWriter> AuthorizeIngestAsync(
        string name, HttpContext context, IEnvironmentLookup lookup, IngestTokenService tokens, CancellationToken cancellationToken)
    {
        if (BearerToken(context) is { } secret && IngestTokenService.LooksLikeIngestToken(secret))
        {
            if (tokens.Find(secret) is not { } scope)
            {
                return IngestWriter.Refused(Problems.Unauthorized("The ingest token is not known: it was mistyped, or revoked when its environment was deleted. Mint a new one with POST /v1/environments/{name}/log-tokens."));
            }

            return scope.EnvironmentName != name
                ? IngestWriter.Refused(Problems.Forbidden($"This ingest token writes the logs of environment '{scope.EnvironmentName}' only, not '{name}'."))
                : new IngestWriter(null, scope.EnvironmentId, scope.Rack, []);
        }

        var access = await lookup.AuthorizeAsync(context, name, cancellationToken);
        return Refuse(access, name) is { } refusal
            ? IngestWriter.Refused(refusal)
            : new IngestWriter(null, access.Environment!.Id, null, access.Environment.Racks);
    }

    /// <summary>
    /// Reads the body of a log batch, either form, under the batch limit (meshd's server-wide limit is sized for small
    /// JSON requests): null and a 413 when it is larger, or a 400 when the connection broke in the middle of it.
    /// </summary>
    private static async Task<(IngestBody? Body, ProblemHttpResult? Problem)> ReadBodyAsync(HttpContext context, int limit, CancellationToken cancellationToken)
    {
        var declared = context.Request.ContentLength;
        if (declared > limit)
        {
            return (null, Problems.PayloadTooLarge(limit));
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit + 1L;
        }

        IngestBody body;
        try
        {
            body = await IngestBody.ReadAsync(context.Request.Body, declared, limit, cancellationToken);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.PayloadTooLarge(limit));
        }
        catch (BadHttpRequestException exception)
        {
            return (null, Problems.MalformedBody($"The request body could not be read: {exception.Message}", null));
        }

        if (body.TooLarge)
        {
            body.Dispose();
            return (null, Problems.PayloadTooLarge(limit));
        }

        return (body, null);
    }

    private static ProblemHttpResult Busy(HttpContext context, string name)
    {
        context.Response.Headers.RetryAfter = "1";
        return TypedResults.Problem(
            $"The log queue of environment '{name}' is full: meshd is writing as fast as the disk allows. Send this batch again after the Retry-After delay; nothing of it was stored.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Log queue full",
            type: ProblemTypes.Prefix + "busy");
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ReadAsync(
        string name,
        string? since,
        string? until,
        string? stack,
        string? service,
        string? rack,
        string? instance,
        string? filter,
        string? follow,
        string? cursor,
        string? heartbeat,
        HttpContext context,
        IEnvironmentLookup lookup,
        LogStore store,
        CancellationToken cancellationToken)
    {
        if (BearerToken(context) is { } secret && IngestTokenService.LooksLikeIngestToken(secret))
        {
            return Problems.Forbidden("An ingest token may only write logs; read them with an account token.");
        }

        var access = await lookup.AuthorizeAsync(context, name, cancellationToken);
        if (Refuse(access, name) is { } refusal)
        {
            return refusal;
        }

        if (LogReadRequest.TryParse(store.Time.GetUtcNow(), since, until, follow, cursor, heartbeat, out var window) is { } problem)
        {
            return Problems.Validation(problem.Field, problem.Message);
        }

        var environmentId = access.Environment!.Id;
        var query = new LogQuery
        {
            Since = window.Since,
            Until = window.Until,
            AfterSequence = window.Cursor,
            Follow = window.Follow,
            Heartbeat = window.Heartbeat,
            Stack = stack,
            Service = service,
            Rack = rack,
            Instance = instance,
            Text = filter,
        };
        var range = await store.DescribeAsync(environmentId, cancellationToken);
        var effectiveSince = window.Since ?? store.Time.GetUtcNow() - store.Options.DefaultSince;
        var response = context.Response;
        response.ContentType = "application/x-ndjson; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers[CursorHeader] = range.LastSequence.ToString(CultureInfo.InvariantCulture);
        response.Headers[SinceHeader] = effectiveSince.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        response.Headers[DroppedHeader] = range.Dropped ? "true" : "false";
        if (range.Oldest is { } oldest)
        {
            response.Headers[OldestHeader] = oldest.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        }

        // Announced, so a client times a silent follow out only against a server that does send heartbeats.
        if (query.Follow && query.Heartbeat is { } beat)
        {
            response.Headers[HeartbeatHeader] = beat.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        }

        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(cancellationToken);
        try
        {
            await store.WriteNdjsonAsync(environmentId, query, response.BodyWriter, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away (or meshd is stopping): a follow answer simply ends.
        }

        return TypedResults.Empty;
    }

    private static async Task<Results<Created<MintedIngestToken>, ProblemHttpResult>> MintTokenAsync(
        string name, HttpContext context, IEnvironmentLookup lookup, IngestTokenService tokens, CancellationToken cancellationToken)
    {
        if (BearerToken(context) is { } secret && IngestTokenService.LooksLikeIngestToken(secret))
        {
            return Problems.Forbidden("An ingest token cannot mint tokens; use an account token.");
        }

        var access = await lookup.AuthorizeAsync(context, name, cancellationToken);
        if (Refuse(access, name) is { } refusal)
        {
            return refusal;
        }

        MintIngestTokenRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(context.Request.Body, LogsJsonContext.Default.MintIngestTokenRequest, cancellationToken);
        }
        catch (JsonException exception)
        {
            return Problems.MalformedBody($"The body is not JSON of the form {{\"rack\":\"<rack>\"}}: {exception.Message}", null);
        }

        var environment = access.Environment!;
        if (request?.Rack is not { } rack || !environment.Racks.Contains(rack))
        {
            return Problems.Validation("rack", $"rack must name one of the racks of environment '{name}' ({string.Join(", ", environment.Racks)}).");
        }

        var minted = await tokens.MintAsync(environment, rack, cancellationToken);
        return TypedResults.Created($"/v1/environments/{name}/log-tokens/{minted.Id}", minted);
    }

    private static ProblemHttpResult? Refuse(LogEnvironmentAccess access, string name) => access.Outcome switch
    {
        LogAccessOutcome.Allowed => null,
        LogAccessOutcome.Unauthenticated => Problems.Unauthorized("This endpoint needs a token: send 'Authorization: Bearer <token>' with an account token, or an ingest token to write logs."),
        _ => Problems.NotFound($"Environment '{name}' does not exist in this account. List yours with GET /v1/environments."),
    };

    private static string? BearerToken(HttpContext context)
    {
        string? header = context.Request.Headers.Authorization;
        return header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }

    /// <summary>Who writes: the environment, the rack of an ingest token (null for an account token) and the racks an account token may name; or why not.</summary>
    private sealed record IngestWriter(ProblemHttpResult? Refusal, string EnvironmentId, string? TokenRack, IReadOnlyList<string> Racks)
    {
        public static IngestWriter Refused(ProblemHttpResult refusal) => new(refusal, string.Empty, null, []);
    }
}
