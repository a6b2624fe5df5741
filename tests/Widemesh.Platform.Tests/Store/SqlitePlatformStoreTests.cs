using Microsoft.Data.Sqlite;
using Widemesh.Platform.Store;

namespace Widemesh.Platform.Tests.Store;

/// <summary>Runs the store contract against a real SQLite file, plus what is SQLite's own.</summary>
public sealed class SqlitePlatformStoreTests : PlatformStoreContractTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("widemesh-store-").FullName;

    private string DatabasePath => Path.Combine(_directory, "meshd.db");

    [Fact]
    public async Task The_database_runs_in_wal_mode_with_its_migrations_recorded()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        using var migrations = connection.CreateCommand();
        migrations.CommandText = "SELECT max(version) FROM schema_migrations";

        Assert.Equal("wal", (string?)await mode.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        Assert.Equal((long)SqliteMigrations.All.Count, (long)(await migrations.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
    }

    [Fact]
    public async Task A_reopened_store_sees_every_committed_write()
    {
        var account = (await Store.CreateAccountAsync("keeper", admin: false, TestContext.Current.CancellationToken)).Value!;
        await Store.CreateRackAsync(new NewRack(account.Id, "r", "local", null, "ready"), TestContext.Current.CancellationToken);

        await using var reopened = new SqlitePlatformStore(DatabasePath, TimeProvider.System);
        await reopened.InitializeAsync(TestContext.Current.CancellationToken);

        Assert.NotNull(await reopened.GetRackAsync(account.Id, "r", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_rack_names_beside_each_environment_match_its_placements_after_every_change()
    {
        var ct = TestContext.Current.CancellationToken;
        var account = (await Store.CreateAccountAsync("mover", admin: false, ct)).Value!;
        foreach (var rack in new[] { "a", "b", "c" })
        {
            await Store.CreateRackAsync(new NewRack(account.Id, rack, "local", null, "ready"), ct);
        }

        await Store.CreateEnvironmentAsync(new NewEnvironment(account.Id, "shop", ["a"], null), ct);
        await Store.UpdateEnvironmentAsync(new EnvironmentChange(account.Id, "shop", ["c", "a", "b"], false, null, null), ct);
        await Store.UpdateEnvironmentAsync(new EnvironmentChange(account.Id, "shop", ["b", "c"], false, null, null), ct);

        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync(ct);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT e.racks, (SELECT group_concat(name, ',') FROM (SELECT r.name AS name FROM environment_racks er
                JOIN racks r ON r.id = er.rack_id WHERE er.environment_id = e.id ORDER BY er.position))
            FROM environments e
            """;
        using var reader = await command.ExecuteReaderAsync(ct);
        Assert.True(reader.Read());
        Assert.Equal("b,c", reader.GetString(0));
        Assert.Equal("b,c", reader.GetString(1));
    }

    private protected override Task<IPlatformStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IPlatformStore>(new SqlitePlatformStore(DatabasePath, TimeProvider.System));

    protected override ValueTask DisposeStoreResourcesAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
