using Widemesh.Sdk.Contracts;

namespace Widemesh.Cli.Commands.Env;

/// <summary>
/// <c>mesh env migrate NAME --abort</c>: DNS back first (the old last rack last again, then the wait for resolvers and
/// the TTL, like a migration), then the new rack removed and the record deleted. Resumable the same way.
/// </summary>
internal sealed partial class EnvMigration
{
    private async Task<int> AbortAsync(EnvironmentInfo environment, MigrationInfo? migration, CancellationToken cancellationToken)
    {
        if (migration is null)
        {
            throw new CliException(ExitCodes.NotFound, $"--abort: environment '{Name}' has no migration in progress (it runs on {string.Join(", ", environment.Racks)}); there is nothing to abort.", "no-migration");
        }

        if (options.To is { } to && to != migration.To)
        {
            throw new CliException(ExitCodes.Conflict, $"--to: the migration of environment '{Name}' goes to rack '{migration.To}', not '{to}'; 'mesh env migrate {Name} --abort' aborts it.", "migration-in-progress");
        }

        if (migration.Step is not (MigrationSteps.Aborting or MigrationSteps.Aborted))
        {
            if (!migration.From.All(r => environment.Racks.Contains(r, StringComparer.Ordinal)))
            {
                throw new CliException(
                    ExitCodes.Conflict,
                    $"--abort: rack{(migration.From.Count == 1 ? string.Empty : "s")} {Quote(migration.From)} no longer host{(migration.From.Count == 1 ? "s" : string.Empty)} environment '{Name}': the move to '{migration.To}' is done but for its record. Finish it with 'mesh env migrate {Name} --to {migration.To} --yes'.",
                    "migration-done");
            }

            migration = await SaveAsync(migration, MigrationSteps.Aborting, null, cancellationToken);
        }
        else
        {
            progress.Note($"Resuming the abort of the migration of environment '{Name}' to '{migration.To}'.");
        }

        if (migration.Step == MigrationSteps.Aborting)
        {
            var current = await client.GetEnvironmentAsync(Name, cancellationToken) ?? throw await EnvironmentNotFoundAsync(cancellationToken);
            if (current.Racks.Contains(migration.To, StringComparer.Ordinal))
            {
                List<string> back = [migration.To, .. migration.From];
                progress.Step(MigrationSteps.Aborting, back, $"abort 1/2: putting rack '{migration.From[^1]}' last again, so DNS points back at it");
                migration = await EnsureLastAsync(migration, migration.From[^1], back, cancellationToken);
                migration = await WaitForDnsAsync(migration, migration.From[^1], cancellationToken);
                progress.Step(MigrationSteps.Aborting, migration.From, $"abort 2/2: removing rack '{migration.To}' from environment '{Name}'");
                await SetRacksAsync(migration.From, cancellationToken);
            }

            migration = await SaveAsync(migration, MigrationSteps.Aborted, migration.SwitchedAt, cancellationToken);
        }

        await client.DeleteMigrationAsync(Name, migration.Version, cancellationToken);
        progress.Finished("aborted", migration.From, $"Migration aborted: environment '{Name}' runs on {string.Join(", ", migration.From)} again; DNS points at {migration.From[^1]}.");
        return ExitCodes.Success;
    }
}
