using Microsoft.AspNetCore.Http.HttpResults;
using Widemesh.Platform.Auth;
using Widemesh.Platform.Store;
using Widemesh.Sdk.Contracts;
using Widemesh.Sdk.Naming;

namespace Widemesh.Platform.Apis;

/// <summary><c>/v1/tokens</c>: a token manages its account's tokens; the admin manages everyone's.</summary>
internal static class TokensApi
{
    public static IEndpointRouteBuilder MapTokensApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/tokens").RequireAuthorization().WithTags("Tokens").ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync).Accepts<CreateTokenRequest>("application/json");
        group.MapDelete("/{id}", DeleteAsync).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static ApiToken ToContract(StoredToken token, string? secret = null) => new()
    {
        Id = token.Id,
        Name = token.Name,
        Account = token.AccountName,
        Token = secret,
        Version = token.Version,
        CreatedAt = token.CreatedAt,
    };

    private static async Task<Ok<ApiTokenList>> ListAsync(HttpContext context, IPlatformStore store, CancellationToken cancellationToken)
    {
        var caller = CallerContext.Get(context);
        var tokens = await store.ListTokensAsync(caller.Admin ? null : caller.AccountId, cancellationToken);
        return TypedResults.Ok(new ApiTokenList([.. tokens.Select(t => ToContract(t))]));
    }

    private static async Task<Results<Created<ApiToken>, ProblemHttpResult>> CreateAsync(
        HttpContext context, IPlatformStore store, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<CreateTokenRequest>(context.Request, cancellationToken);
        if (body.Value is not { } request)
        {
            return body.Problem!;
        }

        if (NameRules.Validate(request.Name, "name") is { } problem)
        {
            return Problems.Validation("name", problem);
        }

        var caller = CallerContext.Get(context);
        var accountId = caller.AccountId;
        if (request.Account is { } accountName && accountName != caller.AccountName)
        {
            if (!caller.Admin)
            {
                return Problems.Forbidden($"Only an admin token may create tokens for another account; leave 'account' out to create one for '{caller.AccountName}'.");
            }

            var account = await store.GetAccountAsync(accountName, cancellationToken);
            if (account is null)
            {
                return Problems.Validation("account", $"account '{accountName}' does not exist: create it with POST /v1/accounts, or check the name.");
            }

            accountId = account.Id;
        }

        var secret = TokenSecrets.New();
        var result = await store.CreateTokenAsync(accountId, request.Name, TokenSecrets.Hash(secret), cancellationToken);
        switch (result.Outcome)
        {
            case StoreOutcome.NameTaken:
                return Problems.NameTaken("name", $"The account already has a token named '{request.Name}'. Pick another name, or delete the old token first.");
            case StoreOutcome.NotFound:
                return Problems.Validation("account", "The account was deleted while the token was being created.");
        }

        var token = result.Value!;
        Log.TokenCreated(loggers.CreateLogger(typeof(TokensApi)), token.Name, token.Id, token.AccountName);
        return TypedResults.Created($"/v1/tokens/{token.Id}", ToContract(token, secret));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, HttpContext context, IPlatformStore store, CallerCache cache, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var caller = CallerContext.Get(context);
        if (caller.Admin)
        {
            var tokens = await store.ListTokensAsync(null, cancellationToken);
            var target = tokens.FirstOrDefault(t => t.Id == id);
            if (target is not null && target.AccountName == AdminBootstrap.AdminAccount && tokens.Count(t => t.AccountId == target.AccountId) == 1)
            {
                return Problems.Conflict($"Token '{id}' is the admin account's last token; deleting it would lock the platform's administration out. Create another admin token first (POST /v1/tokens).");
            }
        }

        if (await store.DeleteTokenAsync(id, caller.Admin ? null : caller.AccountId, cancellationToken) == StoreOutcome.NotFound)
        {
            return Problems.NotFound($"There is no token '{id}' in this account. List tokens with GET /v1/tokens.");
        }

        cache.Clear();

        Log.TokenDeleted(loggers.CreateLogger(typeof(TokensApi)), id, caller.AccountName);
        return TypedResults.NoContent();
    }
}
