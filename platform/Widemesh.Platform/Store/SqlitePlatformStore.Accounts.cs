using Microsoft.Data.Sqlite;

namespace Widemesh.Platform.Store;

internal sealed partial class SqlitePlatformStore
{
    private const string TokenColumns = "t.id, t.account_id, a.name, t.name, t.version, t.created_at";

    public async Task<Caller?> FindCallerAsync(string tokenHash, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReadAsync(cancellationToken);
        using var command = Command(
            connection,
            null,
            "SELECT a.id, a.name, a.admin, t.id, t.name FROM tokens t JOIN accounts a ON a.id = t.account_id WHERE t.hash = $h",
            ("$h", tokenHash));
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return reader.Read()
            ? new Caller(reader.GetString(0), reader.GetString(1), reader.GetInt64(2) != 0, reader.GetString(3), reader.GetString(4))
            : null;
    }

    public async Task<StoredAccount?> GetAccountAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReadAsync(cancellationToken);
        return ReadAccount(connection, null, name);
    }

    public async Task<IReadOnlyList<StoredAccount>> ListAccountsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenReadAsync(cancellationToken);
        using var command = Command(connection, null, "SELECT id, name, admin, version, created_at, updated_at FROM accounts ORDER BY name");
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var accounts = new List<StoredAccount>();
        while (reader.Read())
        {
            accounts.Add(ToAccount(reader));
        }

        return accounts;
    }

    public Task<StoreResult<StoredAccount>> CreateAccountAsync(string name, bool admin, CancellationToken cancellationToken) =>
        WriteAsync(
            transaction =>
            {
                var now = Now();
                var account = new StoredAccount(ResourceIds.NewAccount(), name, admin, 1, Time(now), Time(now));
                try
                {
                    using var insert = Command(
                        _writer,
                        transaction,
                        "INSERT INTO accounts (id, name, admin, version, created_at, updated_at) VALUES ($id, $n, $a, 1, $t, $t)",
                        ("$id", account.Id),
                        ("$n", name),
                        ("$a", admin ? 1 : 0),
                        ("$t", now));
                    insert.ExecuteNonQuery();
                }
                catch (SqliteException exception) when (IsUniqueViolation(exception))
                {
                    return StoreResult<StoredAccount>.Fail(StoreOutcome.NameTaken);
                }

                transaction.Commit();
                return StoreResult<StoredAccount>.Done(account);
            },
            cancellationToken);

    public Task<StoreResult<StoredToken>> CreateTokenAsync(string accountId, string name, string tokenHash, CancellationToken cancellationToken) =>
        WriteAsync(
            transaction =>
            {
                using var find = Command(_writer, transaction, "SELECT name FROM accounts WHERE id = $id", ("$id", accountId));
                if (find.ExecuteScalar() is not string accountName)
                {
                    return StoreResult<StoredToken>.Fail(StoreOutcome.NotFound);
                }

                var now = Now();
                var token = new StoredToken(ResourceIds.NewToken(), accountId, accountName, name, 1, Time(now));
                try
                {
                    using var insert = Command(
                        _writer,
                        transaction,
                        "INSERT INTO tokens (id, account_id, name, hash, version, created_at) VALUES ($id, $a, $n, $h, 1, $t)",
                        ("$id", token.Id),
                        ("$a", accountId),
                        ("$n", name),
                        ("$h", tokenHash),
                        ("$t", now));
                    insert.ExecuteNonQuery();
                }
                catch (SqliteException exception) when (IsUniqueViolation(exception))
                {
                    return StoreResult<StoredToken>.Fail(StoreOutcome.NameTaken);
                }

                transaction.Commit();
                return StoreResult<StoredToken>.Done(token);
            },
            cancellationToken);

    public async Task<IReadOnlyList<StoredToken>> ListTokensAsync(string? accountId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReadAsync(cancellationToken);
        using var command = Command(
            connection,
            null,
            $"SELECT {TokenColumns} FROM tokens t JOIN accounts a ON a.id = t.account_id WHERE $a IS NULL OR t.account_id = $a ORDER BY a.name, t.name",
            ("$a", accountId));
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tokens = new List<StoredToken>();
        while (reader.Read())
        {
            tokens.Add(new StoredToken(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4), Time(reader.GetInt64(5))));
        }

        return tokens;
    }

    public Task<StoreOutcome> DeleteTokenAsync(string id, string? accountId, CancellationToken cancellationToken) =>
        WriteAsync(
            transaction =>
            {
                using var delete = Command(
                    _writer,
                    transaction,
                    "DELETE FROM tokens WHERE id = $id AND ($a IS NULL OR account_id = $a)",
                    ("$id", id),
                    ("$a", accountId));
                if (delete.ExecuteNonQuery() == 0)
                {
                    return StoreOutcome.NotFound;
                }

                transaction.Commit();
                return StoreOutcome.Done;
            },
            cancellationToken);

    private static StoredAccount? ReadAccount(SqliteConnection connection, SqliteTransaction? transaction, string name)
    {
        using var command = Command(
            connection,
            transaction,
            "SELECT id, name, admin, version, created_at, updated_at FROM accounts WHERE name = $n",
            ("$n", name));
        using var reader = command.ExecuteReader();
        return reader.Read() ? ToAccount(reader) : null;
    }

    private static StoredAccount ToAccount(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetInt64(2) != 0, reader.GetInt64(3), Time(reader.GetInt64(4)), Time(reader.GetInt64(5)));
}
