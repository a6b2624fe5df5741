using Microsoft.AspNetCore.Http.HttpResults;
using Widemesh.Platform.Store;

namespace Widemesh.Platform.Apis;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (the store is migrated and reachable); no auth.</summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Text("ok")).WithTags("Health");
        app.MapGet("/readyz", ReadyAsync).WithTags("Health");
        return app;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ReadyAsync(IPlatformStore store, CancellationToken cancellationToken) =>
        await store.IsReadyAsync(cancellationToken)
            ? TypedResults.Text("ready")
            : TypedResults.Problem("The store is not migrated yet.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready");
}
