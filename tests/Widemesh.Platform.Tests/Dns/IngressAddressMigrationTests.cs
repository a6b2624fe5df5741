using Microsoft.Data.Sqlite;
using Widemesh.Platform.Store;

namespace Widemesh.Platform.Tests.Dns;

/// <summary>Racks created before ingress addresses existed get one on upgrade, and new racks continue after them.</summary>
public sealed class IngressAddressMigrationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("widemesh-ingress-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DatabasePath => Path.Combine(_directory, "meshd.db");

    [Fact]
    public async Task Racks_from_before_the_upgrade_get_distinct_addresses_and_new_racks_take_the_next_free_one()
    {
        await CreateDatabaseBeforeIngressAddressesAsync();

        await using var store = new SqlitePlatformStore(DatabasePath, TimeProvider.System);
        await store.InitializeAsync(Ct);
        var upgraded = await store.ListRacksAsync("acc_1", Ct);
        var created = await store.CreateRackAsync(new NewRack("acc_1", "third", "local", null, "ready"), Ct);
        var taken = await store.CreateRackAsync(new NewRack("acc_1", "fourth", "local", null, "ready", "127.0.1.1"), Ct);

        Assert.Equal(["127.0.1.1", "127.0.1.2"], upgraded.OrderBy(r => r.CreatedAt).Select(r => r.IngressAddress));
        Assert.Equal("127.0.1.3", created.Value!.IngressAddress);
        Assert.Equal(StoreOutcome.AddressTaken, taken.Outcome);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task CreateDatabaseBeforeIngressAddressesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync(Ct);
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT;"
            + string.Concat(SqliteMigrations.All.Where(m => m.Version < 3).Select(m => $"{m.Sql};INSERT INTO schema_migrations VALUES ({m.Version}, 'old', 0);"))
            + """
              INSERT INTO accounts VALUES ('acc_1', 'old', 0, 1, 0, 0);
              INSERT INTO racks VALUES ('rck_b', 'acc_1', 'second', 'local', NULL, 'ready', 1, 2, 2);
              INSERT INTO racks VALUES ('rck_a', 'acc_1', 'first', 'local', NULL, 'ready', 1, 1, 1);
              """;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
