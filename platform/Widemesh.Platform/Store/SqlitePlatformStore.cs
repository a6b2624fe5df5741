using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Widemesh.Platform.Store;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Writes go through one connection, one
/// transaction at a time; reads use pooled connections and see the last committed state.
/// </summary>
internal sealed partial class SqlitePlatformStore : IPlatformStore
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int MaxReadSessions = 32;

    private readonly string _readConnectionString;
    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly TimeProvider _time;
    private readonly ConcurrentBag<SqliteReadSession> _sessions = [];

    public SqlitePlatformStore(string databasePath, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        _time = time;
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        };
        _readConnectionString = builder.ToString();
        builder.ForeignKeys = true;
        _writer = new SqliteConnection(builder.ToString());
        DatabasePath = databasePath;
    }

    public string DatabasePath { get; }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _writer.OpenAsync(cancellationToken);
        Execute(_writer, null, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
        Execute(_writer, null, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at INTEGER NOT NULL
            ) STRICT;
            """);

        foreach (var (version, name, sql) in SqliteMigrations.All)
        {
            await WriteAsync(
                transaction =>
                {
                    using var check = Command(_writer, transaction, "SELECT count(*) FROM schema_migrations WHERE version = $v", ("$v", version));
                    if ((long)check.ExecuteScalar()! > 0)
                    {
                        return 0;
                    }

                    Execute(_writer, transaction, sql);
                    using var record = Command(
                        _writer,
                        transaction,
                        "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($v, $n, $t)",
                        ("$v", version),
                        ("$n", name),
                        ("$t", Now()));
                    record.ExecuteNonQuery();
                    transaction.Commit();
                    return 1;
                },
                cancellationToken);
        }
    }

    public Task<bool> IsReadyAsync(CancellationToken cancellationToken) =>
        ReadAsync(session => (long)session.Command("SELECT count(*) FROM schema_migrations").ExecuteScalar()! >= SqliteMigrations.All.Count, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        _writeLock.Dispose();
        while (_sessions.TryTake(out var session))
        {
            session.Dispose();
        }
    }

    private static bool IsUniqueViolation(SqliteException exception) =>
        exception.SqliteErrorCode == SqliteConstraint
        && exception.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey;

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = Command(connection, transaction, sql);
        command.ExecuteNonQuery();
    }

    private static DateTimeOffset Time(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Runs <paramref name="work"/> on a pooled read session; a session that failed is dropped, not reused.</summary>
    private Task<T> ReadAsync<T>(Func<SqliteReadSession, T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var session = _sessions.TryTake(out var pooled) ? pooled : new SqliteReadSession(_readConnectionString);
        T result;
        try
        {
            result = work(session);
        }
        catch
        {
            session.Dispose();
            throw;
        }

        if (_sessions.Count < MaxReadSessions)
        {
            _sessions.Add(session);
        }
        else
        {
            session.Dispose();
        }

        return Task.FromResult(result);
    }

    /// <summary>Runs <paramref name="work"/> in one immediate transaction on the writer; it commits what it keeps.</summary>
    private async Task<T> WriteAsync<T>(Func<SqliteTransaction, T> work, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            using var transaction = _writer.BeginTransaction(deferred: false);
            return work(transaction);
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
