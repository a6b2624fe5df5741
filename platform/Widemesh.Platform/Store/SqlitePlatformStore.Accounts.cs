using Microsoft.Data.Sqlite;

namespace Widemesh.Platform.Store;

internal sealed partial class SqlitePlatformStore
{
    private const string TokenColumns = "t.id, t.account_id, a.name, t.name, t.version, t.created_at";

    private const string AccountSelect = "SELECT id, name, admin, version, created_at, updated_at FROM accounts";

    public Task<Caller?> FindCallerAsync(string tokenHash, CancellationToken cancellationToken) => ReadAsync(session =>
    {
        using var reader = session.Command(
            "SELECT a.id, a.name, a.admin, t.id, t.name FROM tokens t JOIN accounts a ON a.id = t.account_id WHERE t.hash = $h",
            ("$h", tokenHash)).ExecuteReader();
        return reader.Read()
            ? new Caller(reader.GetString(0), reader.GetString(1), reader.GetInt64(2) != 0, reader.GetString(3), reader.GetString(4))
            : null;
    }, cancellationToken);

    public Task<StoredAccount?> GetAccountAsync(string name, CancellationToken cancellationToken) => ReadAsync(session =>
    {
        using var reader = session.Command($"{AccountSelect} WHERE name = $n", ("$n", name)).ExecuteReader();
        return reader.Read() ? ToAccount(reader) : null;
    }, cancellationToken);

    public Task<IReadOnlyList<StoredAccount>> ListAccountsAsync(CancellationToken cancellationToken) => ReadAsync<IReadOnlyList<StoredAccount>>(session =>
    {
        using var reader = session.Command($"{AccountSelect} ORDER BY name").ExecuteReader();
        var accounts = new List<StoredAccount>();
        while (reader.Read())
        {
            accounts.Add(ToAccount(reader));
        }

        return accounts;
    }, cancellationToken);

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

    public Task<IReadOnlyList<StoredToken>> ListTokensAsync(string? accountId, CancellationToken cancellationToken) => ReadAsync<IReadOnlyList<StoredToken>>(session =>
    {
        using var reader = session.Command(
            $"SELECT {TokenColumns} FROM tokens t JOIN accounts a ON a.id = t.account_id WHERE $a IS NULL OR t.account_id = $a ORDER BY a.name, t.name",
            ("$a", accountId)).ExecuteReader();
        var tokens = new List<StoredToken>();
        while (reader.Read())
        {
            tokens.Add(new StoredToken(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4), Time(reader.GetInt64(5))));
        }

        return tokens;
    }, cancellationToken);

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

    private static StoredAccount ToAccount(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetInt64(2) != 0, reader.GetInt64(3), Time(reader.GetInt64(4)), Time(reader.GetInt64(5)));
}
