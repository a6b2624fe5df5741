using Microsoft.AspNetCore.Http;
using Widemesh.Platform.Logs;

namespace Widemesh.Platform.Tests.Logs;

/// <summary>
/// The lookup meshd will implement on its platform store, reduced to one account token that owns the environments
/// given; enough to test the logs API on its own.
/// </summary>
internal sealed class TestEnvironmentLookup(string accountToken, params LogEnvironmentRef[] environments) : IEnvironmentLookup
{
    public Task<LogEnvironmentAccess> AuthorizeAsync(HttpContext context, string environmentName, CancellationToken cancellationToken)
    {
        if (context.Request.Headers.Authorization.ToString() != $"Bearer {accountToken}")
        {
            return Task.FromResult(LogEnvironmentAccess.Unauthenticated);
        }

        var environment = environments.FirstOrDefault(e => e.Name == environmentName);
        return Task.FromResult(environment is null ? LogEnvironmentAccess.NotFound : LogEnvironmentAccess.Allowed(environment));
    }
}
