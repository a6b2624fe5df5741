using Widemesh.Platform.Logs;

namespace Widemesh.Logs.Benchmarks;

/// <summary>One account token that owns one environment: the part of meshd the benchmark does not measure.</summary>
internal sealed class BenchEnvironmentLookup(string token, LogEnvironmentRef environment) : IEnvironmentLookup
{
    public Task<LogEnvironmentAccess> AuthorizeAsync(HttpContext context, string environmentName, CancellationToken cancellationToken) =>
        Task.FromResult(
            context.Request.Headers.Authorization.ToString() != $"Bearer {token}" ? LogEnvironmentAccess.Unauthenticated
            : environmentName == environment.Name ? LogEnvironmentAccess.Allowed(environment)
            : LogEnvironmentAccess.NotFound);
}
