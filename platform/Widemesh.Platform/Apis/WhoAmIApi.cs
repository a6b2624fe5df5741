using Microsoft.AspNetCore.Http.HttpResults;
using Widemesh.Platform.Auth;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Apis;

/// <summary><c>/v1/whoami</c>: the account and token behind the request.</summary>
internal static class WhoAmIApi
{
    public static IEndpointRouteBuilder MapWhoAmIApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/whoami", Get).RequireAuthorization().WithTags("Accounts");
        return app;
    }

    private static Ok<WhoAmI> Get(HttpContext context)
    {
        var caller = CallerContext.Get(context);
        return TypedResults.Ok(new WhoAmI { Account = caller.AccountName, TokenName = caller.TokenName, Admin = caller.Admin });
    }
}
