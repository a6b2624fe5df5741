using Microsoft.Data.Sqlite;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Meshd;

namespace Widemesh.Platform.Tests.Apis;

/// <summary>Acknowledged writes survive <c>kill -9</c>; a write cut off mid-way leaves nothing half-done.</summary>
public sealed class DurabilityTests
{
    private const int Cycles = 3;
    private const int CreatesPerCycle = 25;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_acknowledged_create_survives_kill_9_and_nothing_is_half_written()
    {
        await using var meshd = await MeshdProcess.StartAsync(null, Ct);
        using (var setup = meshd.CreateClient())
        {
            await setup.CreateRackAsync(new CreateRackRequest { Name = "one" }, Ct);
            await setup.CreateRackAsync(new CreateRackRequest { Name = "two" }, Ct);
        }

        var acknowledged = new List<string>();
        for (var cycle = 0; cycle < Cycles; cycle++)
        {
            using var client = meshd.CreateClient();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            var writer = Task.Run(
                async () =>
                {
                    for (var i = 0; ; i++)
                    {
                        var name = $"c{cycle}-env-{i}";
                        await client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name, Racks = ["one", "two"] }, stop.Token);
                        lock (acknowledged)
                        {
                            acknowledged.Add(name);
                        }
                    }
                },
                stop.Token);

            while (acknowledged.Count < (cycle + 1) * CreatesPerCycle && !writer.IsCompleted)
            {
                await Task.Delay(5, Ct);
            }

            await meshd.KillHardAsync(Ct);
            await stop.CancelAsync();
            await Assert.ThrowsAnyAsync<Exception>(() => writer);
            AssertDatabaseIntact(meshd.DataDirectory);

            await meshd.RestartAsync(Ct);
            using var reader = meshd.CreateClient();
            var environments = await reader.ListEnvironmentsAsync(Ct);
            var names = environments.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);

            var inFlight = names.Except(acknowledged, StringComparer.Ordinal).ToList();

            Assert.All(acknowledged, name => Assert.Contains(name, names));
            Assert.All(environments, e => Assert.Equal(["one", "two"], e.Racks));
            Assert.True(inFlight.Count <= cycle + 1, $"Only the create in flight at each kill may have landed unacknowledged, but found {string.Join(", ", inFlight)}.");
            Assert.Equal(inFlight.Count, inFlight.Select(n => n.Split("-env-")[0]).Distinct().Count());
        }
    }

    private static void AssertDatabaseIntact(string dataDirectory)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "meshd.db")};Pooling=False");
        connection.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", check.ExecuteScalar());
        check.CommandText = "SELECT count(*) FROM environments e WHERE NOT EXISTS (SELECT 1 FROM environment_racks er WHERE er.environment_id = e.id)";
        Assert.Equal(0L, check.ExecuteScalar());
    }
}
