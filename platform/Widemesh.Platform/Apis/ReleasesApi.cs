using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Widemesh.Platform.Auth;
using Widemesh.Platform.Releases;
using Widemesh.Platform.Store;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Apis;

/// <summary><c>/v1/environments/{name}/releases</c>: uploaded application directories (tar.gz), numbered per environment.</summary>
internal static class ReleasesApi
{
    public static IEndpointRouteBuilder MapReleasesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/environments/{name}/releases").RequireAuthorization().WithTags("Environments")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", ListAsync);
        // No Accepts metadata: routing would answer a wrong Content-Type with a bare 415; the handler says what to send.
        group.MapPost("/", UploadAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    public static Release ToContract(StoredRelease release, string environment) => new()
    {
        Id = release.Id,
        Environment = environment,
        Number = release.Number,
        Digest = release.Digest,
        SizeBytes = release.SizeBytes,
        CreatedAt = release.CreatedAt,
    };

    private static async Task<Results<Ok<ReleaseList>, ProblemHttpResult>> ListAsync(
        string name, HttpContext context, IPlatformStore store, CancellationToken cancellationToken)
    {
        var environment = await store.GetEnvironmentAsync(CallerContext.Get(context).AccountId, name, cancellationToken);
        if (environment is null)
        {
            return NotFound(name);
        }

        var releases = await store.ListReleasesAsync(environment.Id, cancellationToken);
        return TypedResults.Ok(new ReleaseList { Items = [.. releases.Select(r => ToContract(r, name))] });
    }

    private static async Task<Results<Created<Release>, ProblemHttpResult>> UploadAsync(
        string name, HttpContext context, IPlatformStore store, ReleaseStore releases, CancellationToken cancellationToken)
    {
        var environment = await store.GetEnvironmentAsync(CallerContext.Get(context).AccountId, name, cancellationToken);
        if (environment is null)
        {
            return NotFound(name);
        }

        if (context.Request.ContentType?.Split(';')[0].Trim() is not ("application/gzip" or "application/x-gzip" or "application/octet-stream"))
        {
            return Problems.UnsupportedMediaType(
                $"A release is the application's directory packed as .tar.gz, sent with 'Content-Type: application/gzip' (it was '{context.Request.ContentType}'). mesh deploy packs and sends it for you.");
        }

        if (context.Request.ContentLength > ReleaseStore.MaxArchiveBytes)
        {
            return TooLarge();
        }

        // meshd's server-wide body limit is sized for small JSON requests; release archives get their own.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = ReleaseStore.MaxArchiveBytes + 1;
        }

        ReleaseUpload upload;
        try
        {
            upload = await releases.ReceiveAsync(environment.Id, context.Request.Body, cancellationToken);
        }
        catch (ReleaseTooLargeException)
        {
            return TooLarge();
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (BadHttpRequestException exception)
        {
            return Problems.MalformedBody($"The request body could not be read: {exception.Message}", "body");
        }

        try
        {
            if (await ReleaseStore.CheckAsync(upload.TemporaryPath, cancellationToken) is { } problem)
            {
                return Problems.Validation("body", $"This release cannot be used: {problem}");
            }

            var id = ResourceIds.New("rel_");
            releases.Keep(upload, environment.Id, id);
            var stored = await store.AddReleaseAsync(environment.Id, id, upload.Digest, upload.SizeBytes, CancellationToken.None);
            return TypedResults.Created($"/v1/environments/{name}/releases/{id}", ToContract(stored, name));
        }
        finally
        {
            File.Delete(upload.TemporaryPath);
        }
    }

    private static ProblemHttpResult TooLarge() => Problems.TooLarge(
        $"A release archive may be at most {ReleaseStore.MaxArchiveBytes / (1024 * 1024)} MiB. Leave build outputs, dependencies and data you do not run out of the directory (list them in .meshignore).");

    private static ProblemHttpResult NotFound(string name) =>
        Problems.NotFound($"This account has no environment named '{name}'. Create it first (mesh deploy does), or list them with GET /v1/environments.");
}
