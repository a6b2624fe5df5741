using Microsoft.AspNetCore.Http.HttpResults;
using Widemesh.Platform.Auth;
using Widemesh.Platform.Racks;
using Widemesh.Platform.Store;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Apis;

/// <summary><c>/v1/environments/{name}/instances</c>: what runs of the environment on each of its racks, as their runtimes report it.</summary>
internal static class InstancesApi
{
    public static IEndpointRouteBuilder MapInstancesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/environments/{name}/instances", ListAsync).RequireAuthorization().WithTags("Environments")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<InstanceList>, ProblemHttpResult>> ListAsync(
        string name, HttpContext context, IPlatformStore store, RackRuntimes runtimes, CancellationToken cancellationToken)
    {
        var accountId = CallerContext.Get(context).AccountId;
        var environment = await store.GetEnvironmentAsync(accountId, name, cancellationToken);
        if (environment is null)
        {
            return Problems.NotFound($"This account has no environment named '{name}'. List its environments with GET /v1/environments.");
        }

        var racks = (await store.ListRacksAsync(accountId, cancellationToken)).ToDictionary(r => r.Name, StringComparer.Ordinal);
        var instances = environment.Racks
            .Where(racks.ContainsKey)
            .SelectMany(rack => runtimes.For(racks[rack].Provider).ListInstances(racks[rack], environment))
            .OrderBy(i => i.Rack, StringComparer.Ordinal)
            .ThenBy(i => i.Kind, StringComparer.Ordinal)
            .ThenBy(i => i.Name, StringComparer.Ordinal)
            .ThenBy(i => i.Index)
            .ToList();
        return TypedResults.Ok(new InstanceList { Items = instances });
    }
}
