using Widemesh.Platform.Store;

namespace Widemesh.Platform.Logs;

/// <summary>
/// Keeps the logs in step with environment changes: a deleted environment loses its logs and ingest tokens,
/// and a rack removed from an environment loses the right to send its logs.
/// </summary>
internal sealed class LogEnvironmentCleanup(LogStore logs, IngestTokenService tokens)
{
    public async Task ApplyAsync(StoredEnvironment before, StoredEnvironment? after, CancellationToken cancellationToken)
    {
        if (after is null)
        {
            await tokens.RevokeEnvironmentAsync(before.Id, cancellationToken);
            await logs.DeleteEnvironmentAsync(before.Id, cancellationToken);
            return;
        }

        if (before.Racks.Except(after.Racks, StringComparer.Ordinal).Any())
        {
            await tokens.RevokeRacksAsync(after.Id, after.Racks, cancellationToken);
        }
    }
}
