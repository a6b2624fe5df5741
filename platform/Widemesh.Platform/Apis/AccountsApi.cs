using Microsoft.AspNetCore.Http.HttpResults;
using Widemesh.Platform.Auth;
using Widemesh.Platform.Store;
using Widemesh.Sdk.Contracts;
using Widemesh.Sdk.Naming;

namespace Widemesh.Platform.Apis;

/// <summary><c>/v1/accounts</c>: admin only.</summary>
internal static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/accounts").RequireAuthorization(AuthNames.AdminPolicy).WithTags("Accounts")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync).Accepts<CreateAccountRequest>("application/json");
        return app;
    }

    private static Account ToContract(StoredAccount account) => new()
    {
        Id = account.Id,
        Name = account.Name,
        Admin = account.Admin,
        Version = account.Version,
        CreatedAt = account.CreatedAt,
        UpdatedAt = account.UpdatedAt,
    };

    private static async Task<Ok<AccountList>> ListAsync(IPlatformStore store, CancellationToken cancellationToken)
    {
        var accounts = await store.ListAccountsAsync(cancellationToken);
        return TypedResults.Ok(new AccountList([.. accounts.Select(ToContract)]));
    }

    private static async Task<Results<Created<Account>, ProblemHttpResult>> CreateAsync(
        HttpContext context, IPlatformStore store, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<CreateAccountRequest>(context.Request, cancellationToken);
        if (body.Value is not { } request)
        {
            return body.Problem!;
        }

        if (NameRules.Validate(request.Name, "name") is { } problem)
        {
            return Problems.Validation("name", problem);
        }

        var result = await store.CreateAccountAsync(request.Name, admin: false, cancellationToken);
        if (result.Outcome == StoreOutcome.NameTaken)
        {
            return Problems.NameTaken("name", $"There is already an account named '{request.Name}'. Pick another name.");
        }

        Log.AccountCreated(loggers.CreateLogger(typeof(AccountsApi)), request.Name);
        ETags.Set(context.Response, result.Value!.Version);
        return TypedResults.Created($"/v1/accounts/{request.Name}", ToContract(result.Value));
    }
}
