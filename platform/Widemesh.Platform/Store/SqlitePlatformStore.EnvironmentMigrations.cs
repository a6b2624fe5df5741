namespace Widemesh.Platform.Store;

/// <summary>
/// <c>environment_migrations</c>: at most one migration per environment, deleted with it (ON DELETE CASCADE).
/// A missing environment fails with <see cref="StoreOutcome.NotFound"/> and the name <c>environment</c>; a
/// missing migration with the name <c>migration</c>.
/// </summary>
internal sealed partial class SqlitePlatformStore
{
    private const string MigrationSelect = """
        SELECT e.name, m.json, m.version, m.updated_at
        FROM environment_migrations m JOIN environments e ON e.id = m.environment_id
        WHERE e.account_id = $a AND e.name = $n
        """;

    public Task<StoredEnvironmentMigration?> GetEnvironmentMigrationAsync(string accountId, string name, CancellationToken cancellationToken) => ReadAsync(session =>
    {
        using var reader = session.Command(MigrationSelect, ("$a", accountId), ("$n", name)).ExecuteReader();
        return reader.Read() ? new StoredEnvironmentMigration(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), Time(reader.GetInt64(3))) : null;
    }, cancellationToken);

    public Task<StoreResult<StoredEnvironmentMigration>> PutEnvironmentMigrationAsync(
        string accountId, string name, string json, long? expectedVersion, bool mustBeNew, CancellationToken cancellationToken) =>
        WriteAsync(
            transaction =>
            {
                if (ReadEnvironment(_writer, transaction, accountId, name) is not { } environment)
                {
                    return StoreResult<StoredEnvironmentMigration>.Fail(StoreOutcome.NotFound, ["environment"]);
                }

                using var read = Command(_writer, transaction, "SELECT version FROM environment_migrations WHERE environment_id = $e", ("$e", environment.Id));
                var current = read.ExecuteScalar() as long?;
                if (current is { } existing && (mustBeNew || (expectedVersion is { } expected && expected != existing)))
                {
                    return StoreResult<StoredEnvironmentMigration>.Fail(StoreOutcome.Stale, currentVersion: existing);
                }

                if (current is null && expectedVersion is not null)
                {
                    return StoreResult<StoredEnvironmentMigration>.Fail(StoreOutcome.NotFound, ["migration"]);
                }

                var now = Now();
                var version = (current ?? 0) + 1;
                using var write = Command(
                    _writer,
                    transaction,
                    """
                    INSERT INTO environment_migrations (environment_id, json, version, updated_at) VALUES ($e, $j, $v, $t)
                    ON CONFLICT (environment_id) DO UPDATE SET json = excluded.json, version = excluded.version, updated_at = excluded.updated_at
                    """,
                    ("$e", environment.Id),
                    ("$j", json),
                    ("$v", version),
                    ("$t", now));
                write.ExecuteNonQuery();
                transaction.Commit();
                return StoreResult<StoredEnvironmentMigration>.Done(new StoredEnvironmentMigration(environment.Name, json, version, Time(now)));
            },
            cancellationToken);

    public Task<StoreResult<StoredEnvironmentMigration>> DeleteEnvironmentMigrationAsync(string accountId, string name, long? expectedVersion, CancellationToken cancellationToken) =>
        WriteAsync(
            transaction =>
            {
                if (ReadEnvironment(_writer, transaction, accountId, name) is not { } environment)
                {
                    return StoreResult<StoredEnvironmentMigration>.Fail(StoreOutcome.NotFound, ["environment"]);
                }

                using var read = Command(_writer, transaction, "SELECT json, version, updated_at FROM environment_migrations WHERE environment_id = $e", ("$e", environment.Id));
                using var reader = read.ExecuteReader();
                if (!reader.Read())
                {
                    return StoreResult<StoredEnvironmentMigration>.Fail(StoreOutcome.NotFound, ["migration"]);
                }

                var stored = new StoredEnvironmentMigration(environment.Name, reader.GetString(0), reader.GetInt64(1), Time(reader.GetInt64(2)));
                reader.Close();
                if (expectedVersion is { } expected && expected != stored.Version)
                {
                    return StoreResult<StoredEnvironmentMigration>.Fail(StoreOutcome.Stale, currentVersion: stored.Version);
                }

                using var delete = Command(_writer, transaction, "DELETE FROM environment_migrations WHERE environment_id = $e", ("$e", environment.Id));
                delete.ExecuteNonQuery();
                transaction.Commit();
                return StoreResult<StoredEnvironmentMigration>.Done(stored);
            },
            cancellationToken);
}
