using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Widemesh.Platform.Apis;
using Widemesh.Platform.Configuration;
using Widemesh.Platform.Store;

namespace Widemesh.Platform.Auth;

/// <summary>Authenticates <c>Authorization: Bearer</c> tokens against their stored hashes; answers 401/403 as problem details.</summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IPlatformStore store,
    CallerCache cache,
    PlatformOptions platform)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    private const string MissingToken = "missing";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.Fail(MissingToken);
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
        {
            return AuthenticateResult.Fail("The Authorization header is not of the form 'Bearer <token>'.");
        }

        var hash = TokenSecrets.Hash(header[7..].Trim());
        if (!cache.TryGet(hash, out var caller))
        {
            caller = await store.FindCallerAsync(hash, Context.RequestAborted);
            if (caller is null)
            {
                return AuthenticateResult.Fail("The token is not known: it was mistyped or deleted.");
            }

            cache.Add(hash, caller);
        }

        CallerContext.Set(Context, caller);
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, caller.AccountId),
            new(ClaimTypes.Name, caller.AccountName),
        ];
        if (caller.Admin)
        {
            claims.Add(new Claim(AuthNames.AdminClaim, "true"));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, AuthNames.Scheme));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, AuthNames.Scheme));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var reason = result.Failure?.Message ?? MissingToken;
        Log.AuthenticationFailed(Logger, reason);
        var detail = reason == MissingToken
            ? $"This endpoint needs a token: send 'Authorization: Bearer <token>'. The admin token is in {platform.AdminTokenPath}."
            : $"{reason} Send 'Authorization: Bearer <token>' with a token from POST /v1/tokens (the admin token is in {platform.AdminTokenPath}).";
        Response.Headers.WWWAuthenticate = "Bearer";
        await Problems.Unauthorized(detail).ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Forbidden("Only an admin token may do this: accounts are managed by the admin account.").ExecuteAsync(Context);
}
