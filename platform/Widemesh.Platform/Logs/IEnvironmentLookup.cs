namespace Widemesh.Platform.Logs;

/// <summary>
/// How the logs API finds an environment for the caller of a request. meshd implements it on its platform store:
/// authenticate the account (or admin) token of <paramref name="context"/>, then look the environment up among the
/// caller's own environments. Environments of other accounts are <see cref="LogAccessOutcome.NotFound"/>.
/// </summary>
internal interface IEnvironmentLookup
{
    public Task<LogEnvironmentAccess> AuthorizeAsync(HttpContext context, string environmentName, CancellationToken cancellationToken);
}
