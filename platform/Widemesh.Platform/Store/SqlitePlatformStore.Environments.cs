using System.Text.Json;
using Microsoft.Data.Sqlite;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Store;

internal sealed partial class SqlitePlatformStore
{
    private const string EnvironmentSelect =
        "SELECT e.id, e.account_id, e.name, e.managed_by, e.status, e.version, e.created_at, e.updated_at, e.racks, e.workloads, e.release_id FROM environments e";

    private static readonly StoredWorkloads Empty = new();

    private const string EnvironmentByName = $"{EnvironmentSelect} WHERE e.account_id = $a AND e.name = $n";

    public Task<IReadOnlyList<StoredEnvironment>> ListEnvironmentsAsync(string accountId, CancellationToken cancellationToken) => ReadAsync<IReadOnlyList<StoredEnvironment>>(session =>
    {
        using var reader = session.Command($"{EnvironmentSelect} WHERE e.account_id = $a ORDER BY e.name", ("$a", accountId)).ExecuteReader();
        return ReadEnvironments(reader);
    }, cancellationToken);

    public Task<StoredEnvironment?> GetEnvironmentAsync(string accountId, string name, CancellationToken cancellationToken) => ReadAsync(session =>
    {
        using var reader = session.Command(EnvironmentByName, ("$a", accountId), ("$n", name)).ExecuteReader();
        return ReadEnvironments(reader) is [var environment] ? environment : null;
    }, cancellationToken);

    public Task<StoreResult<StoredEnvironment>> CreateEnvironmentAsync(NewEnvironment environment, CancellationToken cancellationToken) =>
        WriteAsync(
            transaction =>
            {
                var rackIds = ResolveRacks(transaction, environment.AccountId, environment.Racks, out var unknown);
                if (unknown.Count > 0)
                {
                    return StoreResult<StoredEnvironment>.Fail(StoreOutcome.UnknownRacks, unknown);
                }

                var now = Now();
                var stored = new StoredEnvironment(
                    ResourceIds.NewEnvironment(), environment.AccountId, environment.Name, environment.Racks, environment.ManagedBy, "ready", 1, Time(now), Time(now))
                {
                    Stacks = environment.Stacks,
                    Services = environment.Services,
                };
                if (FindPortClash(transaction, stored.Id, rackIds, stored.Stacks) is { } clash)
                {
                    return StoreResult<StoredEnvironment>.Fail(StoreOutcome.PortInUse, clash);
                }

                try
                {
                    using var insert = Command(
                        _writer,
                        transaction,
                        "INSERT INTO environments (id, account_id, name, managed_by, status, version, created_at, updated_at, racks, workloads) VALUES ($id, $a, $n, $m, $s, 1, $t, $t, $r, $w)",
                        ("$id", stored.Id),
                        ("$a", stored.AccountId),
                        ("$n", stored.Name),
                        ("$m", stored.ManagedBy),
                        ("$s", stored.Status),
                        ("$t", now),
                        ("$r", string.Join(',', stored.Racks)),
                        ("$w", WorkloadsJson(stored.Stacks, stored.Services)));
                    insert.ExecuteNonQuery();
                }
                catch (SqliteException exception) when (IsUniqueViolation(exception))
                {
                    return StoreResult<StoredEnvironment>.Fail(StoreOutcome.NameTaken);
                }

                InsertPlacements(transaction, stored.Id, rackIds);
                transaction.Commit();
                return StoreResult<StoredEnvironment>.Done(stored);
            },
            cancellationToken);

    public Task<StoreResult<StoredEnvironment>> UpdateEnvironmentAsync(EnvironmentChange change, CancellationToken cancellationToken) =>
        WriteAsync(
            transaction =>
            {
                var current = ReadEnvironment(_writer, transaction, change.AccountId, change.Name);
                if (current is null)
                {
                    return StoreResult<StoredEnvironment>.Fail(StoreOutcome.NotFound);
                }

                if (change.ExpectedVersion is { } expected && expected != current.Version)
                {
                    return StoreResult<StoredEnvironment>.Fail(StoreOutcome.Stale, currentVersion: current.Version);
                }

                var racks = change.Racks ?? current.Racks;
                var managedBy = change.SetManagedBy ? change.ManagedBy : current.ManagedBy;
                var stacks = change.Stacks ?? current.Stacks;
                var services = change.Services ?? current.Services;
                var release = change.SetRelease ? change.Release : current.Release;
                var workloads = WorkloadsJson(stacks, services);
                if (racks.SequenceEqual(current.Racks, StringComparer.Ordinal) && managedBy == current.ManagedBy && release == current.Release
                    && workloads == WorkloadsJson(current.Stacks, current.Services))
                {
                    return StoreResult<StoredEnvironment>.Done(current, current);
                }

                var rackIds = ResolveRacks(transaction, change.AccountId, racks, out var unknown);
                if (unknown.Count > 0)
                {
                    return StoreResult<StoredEnvironment>.Fail(StoreOutcome.UnknownRacks, unknown);
                }

                if (release is not null && !ReleaseExists(transaction, current.Id, release))
                {
                    return StoreResult<StoredEnvironment>.Fail(StoreOutcome.UnknownRelease, [release]);
                }

                if (FindPortClash(transaction, current.Id, rackIds, stacks) is { } clash)
                {
                    return StoreResult<StoredEnvironment>.Fail(StoreOutcome.PortInUse, clash);
                }

                var now = Now();
                using var update = Command(
                    _writer,
                    transaction,
                    "UPDATE environments SET managed_by = $m, racks = $r, workloads = $w, release_id = $rel, version = version + 1, updated_at = $t WHERE id = $id",
                    ("$m", managedBy),
                    ("$r", string.Join(',', racks)),
                    ("$w", workloads),
                    ("$rel", release),
                    ("$t", now),
                    ("$id", current.Id));
                update.ExecuteNonQuery();
                using var clear = Command(_writer, transaction, "DELETE FROM environment_racks WHERE environment_id = $id", ("$id", current.Id));
                clear.ExecuteNonQuery();
                InsertPlacements(transaction, current.Id, rackIds);
                transaction.Commit();
                return StoreResult<StoredEnvironment>.Done(
                    current with
                    {
                        Racks = racks,
                        ManagedBy = managedBy,
                        Stacks = stacks,
                        Services = services,
                        Release = release,
                        Version = current.Version + 1,
                        UpdatedAt = Time(now),
                    },
                    current);
            },
            cancellationToken);

    public Task<StoreResult<StoredEnvironment>> DeleteEnvironmentAsync(string accountId, string name, long? expectedVersion, CancellationToken cancellationToken) =>
        WriteAsync(
            transaction =>
            {
                var current = ReadEnvironment(_writer, transaction, accountId, name);
                if (current is null)
                {
                    return StoreResult<StoredEnvironment>.Fail(StoreOutcome.NotFound);
                }

                if (expectedVersion is { } expected && expected != current.Version)
                {
                    return StoreResult<StoredEnvironment>.Fail(StoreOutcome.Stale, currentVersion: current.Version);
                }

                using var placements = Command(_writer, transaction, "DELETE FROM environment_racks WHERE environment_id = $id", ("$id", current.Id));
                placements.ExecuteNonQuery();
                using var delete = Command(_writer, transaction, "DELETE FROM environments WHERE id = $id", ("$id", current.Id));
                delete.ExecuteNonQuery();
                transaction.Commit();
                return StoreResult<StoredEnvironment>.Done(current);
            },
            cancellationToken);

    public Task<NameClaim> GetEnvironmentNameClaimAsync(string accountId, string name, CancellationToken cancellationToken) => ReadAsync(session =>
        session.Command("SELECT account_id FROM environments WHERE name = $n", ("$n", name)).ExecuteScalar() switch
        {
            null => NameClaim.Free,
            string owner when owner == accountId => NameClaim.Yours,
            _ => NameClaim.Taken,
        }, cancellationToken);

    private static List<StoredEnvironment> ReadEnvironments(SqliteDataReader reader)
    {
        var environments = new List<StoredEnvironment>();
        while (reader.Read())
        {
            var workloads = ReadWorkloads(reader.GetString(9));
            environments.Add(new StoredEnvironment(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(8).Split(','),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4),
                reader.GetInt64(5),
                Time(reader.GetInt64(6)),
                Time(reader.GetInt64(7)))
            {
                Stacks = workloads.Stacks,
                Services = workloads.Services,
                Release = reader.IsDBNull(10) ? null : reader.GetString(10),
            });
        }

        return environments;
    }

    private static StoredEnvironment? ReadEnvironment(SqliteConnection connection, SqliteTransaction? transaction, string accountId, string name)
    {
        using var command = Command(connection, transaction, EnvironmentByName, ("$a", accountId), ("$n", name));
        using var reader = command.ExecuteReader();
        return ReadEnvironments(reader) is [var environment] ? environment : null;
    }

    private List<string> ResolveRacks(SqliteTransaction transaction, string accountId, IReadOnlyList<string> names, out List<string> unknown)
    {
        var ids = new List<string>(names.Count);
        unknown = [];
        using var command = Command(_writer, transaction, "SELECT id FROM racks WHERE account_id = $a AND name = $n", ("$a", accountId), ("$n", string.Empty));
        foreach (var name in names)
        {
            command.Parameters["$n"].Value = name;
            if (command.ExecuteScalar() is string id)
            {
                ids.Add(id);
            }
            else
            {
                unknown.Add(name);
            }
        }

        return ids;
    }

    private void InsertPlacements(SqliteTransaction transaction, string environmentId, List<string> rackIds)
    {
        using var insert = Command(
            _writer,
            transaction,
            "INSERT INTO environment_racks (environment_id, position, rack_id) VALUES ($e, $p, $r)",
            ("$e", environmentId),
            ("$p", 0),
            ("$r", string.Empty));
        for (var position = 0; position < rackIds.Count; position++)
        {
            insert.Parameters["$p"].Value = position;
            insert.Parameters["$r"].Value = rackIds[position];
            insert.ExecuteNonQuery();
        }
    }

    private static string WorkloadsJson(IReadOnlyList<StackSpec> stacks, IReadOnlyList<ServiceSpec> services) =>
        stacks.Count == 0 && services.Count == 0
            ? "{}"
            : JsonSerializer.Serialize(new StoredWorkloads { Stacks = stacks, Services = services }, StoreJsonContext.Default.StoredWorkloads);

    private static StoredWorkloads ReadWorkloads(string json) =>
        json == "{}" ? Empty : JsonSerializer.Deserialize(json, StoreJsonContext.Default.StoredWorkloads) ?? Empty;

    private bool ReleaseExists(SqliteTransaction transaction, string environmentId, string releaseId)
    {
        using var command = Command(_writer, transaction, "SELECT 1 FROM releases WHERE id = $r AND environment_id = $e", ("$r", releaseId), ("$e", environmentId));
        return command.ExecuteScalar() is not null;
    }

    /// <summary>The first public port of <paramref name="stacks"/> that another environment on one of the racks also exposes: port, environment, rack.</summary>
    private string[]? FindPortClash(SqliteTransaction transaction, string environmentId, List<string> rackIds, IReadOnlyList<StackSpec> stacks)
    {
        var ports = stacks.Where(s => s.PublicPort is not null).Select(s => s.PublicPort!.Value).ToHashSet();
        if (ports.Count == 0)
        {
            return null;
        }

        using var command = Command(
            _writer,
            transaction,
            "SELECT e.name, e.workloads, r.name FROM environment_racks er JOIN environments e ON e.id = er.environment_id JOIN racks r ON r.id = er.rack_id "
            + "WHERE er.rack_id = $r AND e.id <> $e AND e.workloads <> '{}'",
            ("$r", string.Empty),
            ("$e", environmentId));
        foreach (var rackId in rackIds)
        {
            command.Parameters["$r"].Value = rackId;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                foreach (var other in ReadWorkloads(reader.GetString(1)).Stacks)
                {
                    if (other.PublicPort is { } port && ports.Contains(port))
                    {
                        return [port.ToString(System.Globalization.CultureInfo.InvariantCulture), reader.GetString(0), reader.GetString(2)];
                    }
                }
            }
        }

        return null;
    }
}
