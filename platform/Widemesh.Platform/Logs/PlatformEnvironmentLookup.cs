using Microsoft.AspNetCore.Authentication;
using Widemesh.Platform.Auth;
using Widemesh.Platform.Store;

namespace Widemesh.Platform.Logs;

/// <summary>Finds a caller's environment for the logs API in the platform store: account tokens see only their own.</summary>
internal sealed class PlatformEnvironmentLookup(IPlatformStore store) : IEnvironmentLookup
{
    public async Task<LogEnvironmentAccess> AuthorizeAsync(HttpContext context, string environmentName, CancellationToken cancellationToken)
    {
        var authentication = await context.AuthenticateAsync(AuthNames.Scheme);
        if (!authentication.Succeeded)
        {
            return LogEnvironmentAccess.Unauthenticated;
        }

        var environment = await store.GetEnvironmentAsync(CallerContext.Get(context).AccountId, environmentName, cancellationToken);
        return environment is null
            ? LogEnvironmentAccess.NotFound
            : LogEnvironmentAccess.Allowed(new LogEnvironmentRef(environment.Id, environment.Name, environment.Racks));
    }
}
