using Widemesh.Cli.Workspace;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;
using Widemesh.Sdk.Durations;

namespace Widemesh.Cli.Commands.Env;

/// <summary>
/// Drives <c>mesh env migrate</c> through the steps of the migration record on the platform: <c>adding</c> (the new
/// rack last), <c>waiting</c> (every resolver answers it and the old TTL has run out), <c>removing</c> (the old
/// racks). Each step is idempotent and recorded before the next starts, so a rerun continues where a run
/// stopped; every rack list it applies holds the new or the old rack, so the environment is never on none.
/// </summary>
internal sealed partial class EnvMigration(CliContext context, EnvMigrateOptions options, WidemeshClient client, EnvMigrateProgress progress)
{
    private string Name => options.Environment;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var environment = await client.GetEnvironmentAsync(Name, cancellationToken) ?? throw await EnvironmentNotFoundAsync(cancellationToken);
        var migration = await client.GetMigrationAsync(Name, cancellationToken);
        if (options.Abort)
        {
            return await AbortAsync(environment, migration, cancellationToken);
        }

        if (migration is null && environment.Racks is [var only] && only == options.To)
        {
            // A rerun after a run that finished (or crashed just after deleting the record): nothing left to do.
            progress.Finished("done", environment.Racks, $"Environment '{Name}' already runs on rack '{only}' only: nothing to migrate.");
            return ExitCodes.Success;
        }

        migration = migration is null
            ? await StartAsync(environment, cancellationToken)
            : await ResumeAsync(migration, cancellationToken);

        while (true)
        {
            switch (migration.Step)
            {
                case MigrationSteps.Adding:
                    List<string> both = [.. migration.From, migration.To];
                    progress.Step(MigrationSteps.Adding, both, $"step 1/3: adding rack '{migration.To}' last to environment '{Name}', so DNS points at it");
                    await SetRacksAsync(both, cancellationToken);
                    migration = await SaveAsync(migration, MigrationSteps.Waiting, context.Time.GetUtcNow(), cancellationToken);
                    break;

                case MigrationSteps.Waiting:
                    progress.Step(MigrationSteps.Waiting, [.. migration.From, migration.To], $"step 2/3: waiting until every resolver answers rack '{migration.To}' and the old record's TTL ({migration.TtlSeconds}s) has run out");
                    migration = await EnsureLastAsync(migration, migration.To, [.. migration.From, migration.To], cancellationToken);
                    migration = await WaitForDnsAsync(migration, migration.To, cancellationToken);
                    if (!Confirm(migration))
                    {
                        progress.Note($"Environment '{Name}' stays on racks {string.Join(", ", migration.From)} and {migration.To}. Run the command again to remove the old racks, or pass --abort to go back.");
                        return ExitCodes.Failure;
                    }

                    migration = await SaveAsync(migration, MigrationSteps.Removing, migration.SwitchedAt, cancellationToken);
                    break;

                case MigrationSteps.Removing:
                    progress.Step(MigrationSteps.Removing, [migration.To], $"step 3/3: removing rack{(migration.From.Count == 1 ? string.Empty : "s")} {Quote(migration.From)} from environment '{Name}'");
                    await SetRacksAsync([migration.To], cancellationToken);
                    migration = await SaveAsync(migration, MigrationSteps.Done, migration.SwitchedAt, cancellationToken);
                    break;

                default:
                    await client.DeleteMigrationAsync(Name, migration.Version, cancellationToken);
                    progress.Finished("done", [migration.To], $"Environment '{Name}' moved to rack '{migration.To}'; {Quote(migration.From)} no longer host{(migration.From.Count == 1 ? "s" : string.Empty)} it (the rack stays).");
                    return ExitCodes.Success;
            }
        }
    }

    private async Task<MigrationInfo> StartAsync(EnvironmentInfo environment, CancellationToken cancellationToken)
    {
        var to = options.To ?? throw new CliException(ExitCodes.Usage, $"--to: say which rack to move environment '{Name}' to (mesh env migrate {Name} --to RACK).", "usage");
        var racks = (await client.ListRacksAsync(cancellationToken)).Select(r => r.Name).Order(StringComparer.Ordinal).ToList();
        if (!racks.Contains(to, StringComparer.Ordinal))
        {
            var choices = racks.Except(environment.Racks, StringComparer.Ordinal).ToList();
            var hint = choices.Count == 0 ? "you have no other racks: create one with 'mesh rack create NAME'" : "your other racks: " + string.Join(", ", choices);
            throw new CliException(ExitCodes.NotFound, $"--to: rack '{to}' does not exist ({hint}).", "unknown-rack");
        }

        if (environment.Racks.Contains(to, StringComparer.Ordinal))
        {
            throw new CliException(
                ExitCodes.Conflict,
                $"--to: environment '{Name}' already runs on rack '{to}' (its racks: {string.Join(", ", environment.Racks)}), so there is nothing to add. "
                + $"To finish a move started by hand, wait for 'mesh env dns {Name}' to say propagated, then run 'mesh env update {Name} --rack {to}'; or migrate to a rack it is not on.",
                "already-on-rack");
        }

        RequireConfirmationPossible();
        await EnvRacksEdit.EnsureInWorkspaceAsync(context, options.Session, client, Name, cancellationToken);
        var dns = await client.GetEnvironmentDnsAsync(Name, cancellationToken) ?? throw await EnvironmentNotFoundAsync(cancellationToken);
        var request = new MigrationRequest
        {
            From = environment.Racks,
            To = to,
            Step = MigrationSteps.Adding,
            StartedAt = context.Time.GetUtcNow(),
            TtlSeconds = dns.Ttl,
            Resolvers = options.Resolvers,
        };
        try
        {
            return await client.CreateMigrationAsync(Name, request, cancellationToken);
        }
        catch (WidemeshPreconditionFailedException)
        {
            throw new CliException(ExitCodes.Conflict, $"Another 'mesh env migrate {Name}' started a migration just now; let it run, or see it with 'mesh env migrate {Name} --to RACK' once it stops.", "migration-in-progress");
        }
    }

    private async Task<MigrationInfo> ResumeAsync(MigrationInfo migration, CancellationToken cancellationToken)
    {
        if (migration.Step is MigrationSteps.Aborting or MigrationSteps.Aborted)
        {
            throw new CliException(ExitCodes.Conflict, $"The migration of environment '{Name}' to rack '{migration.To}' is being aborted; finish that with 'mesh env migrate {Name} --abort'.", "migration-in-progress");
        }

        if (options.To is { } to && to != migration.To)
        {
            throw new CliException(
                ExitCodes.Conflict,
                $"--to: environment '{Name}' is already migrating to rack '{migration.To}' (step {migration.Step}, started {migration.StartedAt:u}). "
                + $"Continue it with 'mesh env migrate {Name} --to {migration.To}', or undo it with 'mesh env migrate {Name} --abort' before moving to '{to}'.",
                "migration-in-progress");
        }

        RequireConfirmationPossible();
        progress.Note($"Resuming the migration of environment '{Name}' from {Quote(migration.From)} to '{migration.To}' at step {migration.Step} (started {migration.StartedAt:u}).");
        if (options.Resolvers.Count > 0 && !options.Resolvers.SequenceEqual(migration.Resolvers, StringComparer.Ordinal))
        {
            return await client.UpdateMigrationAsync(Name, ToRequest(migration) with { Resolvers = options.Resolvers }, migration.Version, cancellationToken);
        }

        return migration;
    }

    /// <summary>Makes sure <paramref name="last"/> is the environment's last rack (someone may have changed it by hand meanwhile); a new switch restarts the TTL.</summary>
    private async Task<MigrationInfo> EnsureLastAsync(MigrationInfo migration, string last, IReadOnlyList<string> racks, CancellationToken cancellationToken)
    {
        var environment = await client.GetEnvironmentAsync(Name, cancellationToken) ?? throw await EnvironmentNotFoundAsync(cancellationToken);
        if (environment.PrimaryRack == last && migration.SwitchedAt is not null)
        {
            return migration;
        }

        if (environment.PrimaryRack != last && migration.SwitchedAt is not null)
        {
            progress.Note($"Environment '{Name}' runs on {string.Join(", ", environment.Racks)}, not with '{last}' last: setting its racks to {string.Join(", ", racks)} again.");
        }

        if (environment.PrimaryRack != last)
        {
            await SetRacksAsync(racks, cancellationToken);
        }

        return await SaveAsync(migration, migration.Step, context.Time.GetUtcNow(), cancellationToken);
    }

    private async Task<MigrationInfo> WaitForDnsAsync(MigrationInfo migration, string rack, CancellationToken cancellationToken)
    {
        var ttl = TimeSpan.FromSeconds(migration.TtlSeconds);
        var interval = TimeSpan.FromSeconds(Math.Clamp(migration.TtlSeconds / 4.0, 0.25, 5));
        var deadline = context.Time.GetUtcNow() + options.Timeout;
        var lastSaved = DateTimeOffset.MinValue;
        bool? lastPropagated = null;
        while (true)
        {
            var propagation = await client.GetDnsPropagationAsync(Name, migration.Resolvers, cancellationToken);
            var now = context.Time.GetUtcNow();
            var ttlLeft = migration.SwitchedAt!.Value + ttl - now;
            progress.Check(rack, propagation, ttlLeft);
            if (propagation.Propagated != lastPropagated || now - lastSaved > TimeSpan.FromSeconds(30))
            {
                var check = new MigrationCheck { At = now, Propagated = propagation.Propagated, Answers = propagation.Resolvers };
                migration = await client.UpdateMigrationAsync(Name, ToRequest(migration) with { LastCheck = check }, migration.Version, cancellationToken);
                (lastSaved, lastPropagated) = (now, propagation.Propagated);
            }

            if (propagation.Propagated && ttlLeft <= TimeSpan.Zero)
            {
                return migration;
            }

            if (now >= deadline)
            {
                var waiting = propagation.Propagated
                    ? "the old record's TTL has not run out yet"
                    : $"{propagation.Resolvers.Count(r => !r.Matches)} of {propagation.Resolvers.Count} resolvers do not answer rack '{rack}' ({propagation.ExpectedAddress}) yet";
                throw new CliException(
                    ExitCodes.NotPropagated,
                    $"Gave up waiting after {DurationParser.Format(options.Timeout)}: {waiting}. Environment '{Name}' stays on racks {string.Join(", ", migration.From.Append(migration.To).Distinct())}; "
                    + $"run the command again to keep waiting, or 'mesh env migrate {Name} --abort' to go back.",
                    "not-propagated");
            }

            var pause = interval < deadline - now ? interval : deadline - now;
            await Task.Delay(pause, context.Time, cancellationToken);
        }
    }

    private async Task SetRacksAsync(IReadOnlyList<string> racks, CancellationToken cancellationToken)
    {
        var environment = await client.GetEnvironmentAsync(Name, cancellationToken) ?? throw await EnvironmentNotFoundAsync(cancellationToken);
        if (environment.Racks.SequenceEqual(racks, StringComparer.Ordinal))
        {
            return;
        }

        using var workspace = await WorkspaceSession.OpenAsync(context, options.Session, "env migrate", cancellationToken);
        await EnvRacksEdit.ApplyAsync(workspace, client, Name, racks, cancellationToken);
    }

    private Task<MigrationInfo> SaveAsync(MigrationInfo migration, string step, DateTimeOffset? switchedAt, CancellationToken cancellationToken) =>
        client.UpdateMigrationAsync(Name, ToRequest(migration) with { Step = step, SwitchedAt = switchedAt }, migration.Version, cancellationToken);

    private void RequireConfirmationPossible()
    {
        if (!options.Yes && !context.InputIsTerminal)
        {
            throw new CliException(
                ExitCodes.Usage,
                "mesh env migrate asks before it removes the old racks, and there is no terminal to ask on: pass --yes to remove them once DNS has moved, without asking.",
                "confirmation-required");
        }
    }

    private bool Confirm(MigrationInfo migration)
    {
        if (options.Yes)
        {
            return true;
        }

        context.Error.Write($"Every resolver answers rack '{migration.To}'. Remove {Quote(migration.From)} from environment '{Name}' now? [y/N] ");
        context.Error.Flush();
        var answer = context.Input.ReadLine()?.Trim();
        return answer is not null && (answer.Equals("y", StringComparison.OrdinalIgnoreCase) || answer.Equals("yes", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<CliException> EnvironmentNotFoundAsync(CancellationToken cancellationToken)
    {
        var names = (await client.ListEnvironmentsAsync(cancellationToken)).Select(e => e.Name).Order(StringComparer.Ordinal).ToList();
        var choices = names.Count == 0 ? "Your account has no environments yet: create one with 'mesh env create NAME'." : $"Your environments: {string.Join(", ", names)}.";
        return new CliException(ExitCodes.NotFound, $"Environment '{Name}' does not exist in your account. {choices}", "not-found");
    }

    private static MigrationRequest ToRequest(MigrationInfo migration) => new()
    {
        From = migration.From,
        To = migration.To,
        Step = migration.Step,
        StartedAt = migration.StartedAt,
        SwitchedAt = migration.SwitchedAt,
        TtlSeconds = migration.TtlSeconds,
        Resolvers = migration.Resolvers,
        LastCheck = migration.LastCheck,
    };

    private static string Quote(IReadOnlyList<string> racks) => string.Join(", ", racks.Select(r => $"'{r}'"));
}
