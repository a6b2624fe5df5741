using Microsoft.AspNetCore.Mvc;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Apis;

/// <summary>Gives the problems that ASP.NET Core writes on its own (no route, wrong method, wrong content type) a detail that says what to do.</summary>
internal static class StatusProblems
{
    /// <summary><c>POST /v1/environments/{name}/logs</c>, the one endpoint that takes more than JSON.</summary>
    private static bool IsLogIngest(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && request.Path.Value is { } path
        && path.StartsWith("/v1/environments/", StringComparison.Ordinal)
        && path.EndsWith("/logs", StringComparison.Ordinal)
        && path.Count(c => c == '/') == 4;

    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Type?.StartsWith(ProblemTypes.Prefix, StringComparison.Ordinal) == true)
        {
            return;
        }

        var request = context.HttpContext.Request;
        (problem.Type, problem.Detail) = problem.Status switch
        {
            StatusCodes.Status404NotFound => (ProblemTypes.NotFound, $"There is no endpoint at {request.Path}. The API is described at /openapi/v1.json."),
            StatusCodes.Status405MethodNotAllowed => (ProblemTypes.Validation, $"{request.Method} is not allowed on {request.Path}. The API is described at /openapi/v1.json."),
            StatusCodes.Status415UnsupportedMediaType when IsLogIngest(request) => (ProblemTypes.MalformedBody,
                $"Log lines are sent as 'Content-Type: application/json' (an array of entries), 'application/x-ndjson' (an entry per line) or 'text/plain' (raw lines, the source in the query, such as ?stack=web&instance=web-1); it was '{request.ContentType}'."),
            StatusCodes.Status415UnsupportedMediaType => (ProblemTypes.MalformedBody, $"The request body must be JSON: send it with 'Content-Type: application/json' (it was '{request.ContentType}')."),
            StatusCodes.Status413PayloadTooLarge => (ProblemTypes.PayloadTooLarge, $"The request body is larger than {JsonBody.MaxBytes / 1024} KiB, the most meshd accepts."),
            StatusCodes.Status400BadRequest => (ProblemTypes.MalformedBody, problem.Detail ?? "The request could not be read. The API is described at /openapi/v1.json."),
            _ => (problem.Type, problem.Detail),
        };
    }
}
