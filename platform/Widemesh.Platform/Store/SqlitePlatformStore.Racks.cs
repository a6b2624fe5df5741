using Microsoft.Data.Sqlite;

namespace Widemesh.Platform.Store;

internal sealed partial class SqlitePlatformStore
{
    private const string RackColumns = "id, account_id, name, provider, region, status, version, created_at, updated_at, ingress_address, managed_by";
    private const string RackByName = $"SELECT {RackColumns} FROM racks WHERE account_id = $a AND name = $n";

    public Task<IReadOnlyList<StoredRack>> ListRacksAsync(string accountId, CancellationToken cancellationToken) => ReadAsync<IReadOnlyList<StoredRack>>(session =>
    {
        using var reader = session.Command($"SELECT {RackColumns} FROM racks WHERE account_id = $a ORDER BY name", ("$a", accountId)).ExecuteReader();
        var racks = new List<StoredRack>();
        while (reader.Read())
        {
            racks.Add(ToRack(reader));
        }

        return racks;
    }, cancellationToken);

    public Task<StoredRack?> GetRackAsync(string accountId, string name, CancellationToken cancellationToken) => ReadAsync(session =>
    {
        using var reader = session.Command(RackByName, ("$a", accountId), ("$n", name)).ExecuteReader();
        return reader.Read() ? ToRack(reader) : null;
    }, cancellationToken);

    public Task<StoreResult<StoredRack>> CreateRackAsync(NewRack rack, CancellationToken cancellationToken) =>
        WriteAsync(
            transaction =>
            {
                var now = Now();
                var address = rack.IngressAddress ?? FreeIngressAddress(transaction);
                var stored = new StoredRack(ResourceIds.NewRack(), rack.AccountId, rack.Name, rack.Provider, rack.Region, rack.Status, 1, Time(now), Time(now), address, rack.ManagedBy);
                try
                {
                    using var insert = Command(
                        _writer,
                        transaction,
                        $"INSERT INTO racks ({RackColumns}) VALUES ($id, $a, $n, $p, $r, $s, 1, $t, $t, $ip, $m)",
                        ("$id", stored.Id),
                        ("$a", rack.AccountId),
                        ("$n", rack.Name),
                        ("$p", rack.Provider),
                        ("$r", rack.Region),
                        ("$s", rack.Status),
                        ("$t", now),
                        ("$ip", address),
                        ("$m", rack.ManagedBy));
                    insert.ExecuteNonQuery();
                }
                catch (SqliteException exception) when (IsUniqueViolation(exception))
                {
                    return StoreResult<StoredRack>.Fail(
                        exception.Message.Contains("ingress_address", StringComparison.Ordinal) ? StoreOutcome.AddressTaken : StoreOutcome.NameTaken);
                }

                transaction.Commit();
                return StoreResult<StoredRack>.Done(stored);
            },
            cancellationToken);

    public Task<StoreResult<StoredRack>> UpdateRackManagedByAsync(
        string accountId, string name, string? managedBy, long? expectedVersion, CancellationToken cancellationToken) =>
        WriteAsync(
            transaction =>
            {
                var rack = ReadRack(_writer, transaction, accountId, name);
                if (rack is null)
                {
                    return StoreResult<StoredRack>.Fail(StoreOutcome.NotFound);
                }

                if (expectedVersion is { } expected && expected != rack.Version)
                {
                    return StoreResult<StoredRack>.Fail(StoreOutcome.Stale, currentVersion: rack.Version);
                }

                if (rack.ManagedBy == managedBy)
                {
                    return StoreResult<StoredRack>.Done(rack, rack);
                }

                var now = Now();
                using var update = Command(
                    _writer,
                    transaction,
                    "UPDATE racks SET managed_by = $m, version = version + 1, updated_at = $t WHERE id = $id",
                    ("$m", managedBy),
                    ("$t", now),
                    ("$id", rack.Id));
                update.ExecuteNonQuery();
                transaction.Commit();
                return StoreResult<StoredRack>.Done(rack with { ManagedBy = managedBy, Version = rack.Version + 1, UpdatedAt = Time(now) }, rack);
            },
            cancellationToken);

    public Task<StoreResult<StoredRack>> DeleteRackAsync(string accountId, string name, long? expectedVersion, CancellationToken cancellationToken) =>
        WriteAsync(
            transaction =>
            {
                var rack = ReadRack(_writer, transaction, accountId, name);
                if (rack is null)
                {
                    return StoreResult<StoredRack>.Fail(StoreOutcome.NotFound);
                }

                if (expectedVersion is { } expected && expected != rack.Version)
                {
                    return StoreResult<StoredRack>.Fail(StoreOutcome.Stale, currentVersion: rack.Version);
                }

                using var users = Command(
                    _writer,
                    transaction,
                    "SELECT e.name FROM environment_racks er JOIN environments e ON e.id = er.environment_id WHERE er.rack_id = $id ORDER BY e.name",
                    ("$id", rack.Id));
                var environments = new List<string>();
                using (var reader = users.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        environments.Add(reader.GetString(0));
                    }
                }

                if (environments.Count > 0)
                {
                    return StoreResult<StoredRack>.Fail(StoreOutcome.InUse, environments);
                }

                using var delete = Command(_writer, transaction, "DELETE FROM racks WHERE id = $id", ("$id", rack.Id));
                delete.ExecuteNonQuery();
                transaction.Commit();
                return StoreResult<StoredRack>.Done(rack);
            },
            cancellationToken);

    private static StoredRack? ReadRack(SqliteConnection connection, SqliteTransaction? transaction, string accountId, string name)
    {
        using var command = Command(connection, transaction, RackByName, ("$a", accountId), ("$n", name));
        using var reader = command.ExecuteReader();
        return reader.Read() ? ToRack(reader) : null;
    }

    private static StoredRack ToRack(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.GetString(5),
        reader.GetInt64(6),
        Time(reader.GetInt64(7)),
        Time(reader.GetInt64(8)),
        reader.IsDBNull(9) ? null : reader.GetString(9),
        reader.IsDBNull(10) ? null : reader.GetString(10));

    /// <summary>The lowest loopback address from 127.0.1.1 up that no rack uses (host parts 0 and 255 are skipped).</summary>
    private string FreeIngressAddress(SqliteTransaction transaction)
    {
        using var command = Command(_writer, transaction, "SELECT ingress_address FROM racks WHERE ingress_address LIKE '127.0.%'");
        var used = new HashSet<string>(StringComparer.Ordinal);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                used.Add(reader.GetString(0));
            }
        }

        for (var high = 1; high <= 255; high++)
        {
            for (var low = 1; low <= 254; low++)
            {
                var candidate = $"127.0.{high}.{low}";
                if (!used.Contains(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException("Every loopback ingress address from 127.0.1.1 to 127.0.255.254 is in use.");
    }
}
