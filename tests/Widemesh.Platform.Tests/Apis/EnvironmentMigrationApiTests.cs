using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Widemesh.Platform.Tests.Support;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Tests.Apis;

/// <summary><c>/v1/environments/{name}/migration</c>: the resumable record of <c>mesh env migrate</c> (issue 6).</summary>
public sealed class EnvironmentMigrationApiTests(MeshdFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_migration_is_recorded_read_changed_and_deleted_with_versions()
    {
        var (account, environment) = await CreateSutAsync();
        using var _ = account;
        var request = SomeMigration();

        var created = await account.Client.CreateMigrationAsync(environment, request, Ct);
        var read = await account.Client.GetMigrationAsync(environment, Ct);
        var changed = await account.Client.UpdateMigrationAsync(
            environment,
            request with
            {
                Step = MigrationSteps.Waiting,
                SwitchedAt = request.StartedAt.AddSeconds(1),
                LastCheck = new MigrationCheck
                {
                    At = request.StartedAt.AddSeconds(2),
                    Propagated = false,
                    Answers = [new ResolverAnswer { Resolver = "127.0.0.1:53", Answers = ["127.0.1.1"], Ttl = 3, Matches = false }],
                },
            },
            created.Version,
            Ct);
        var deleted = await account.Client.DeleteMigrationAsync(environment, changed.Version, Ct);
        var deletedAgain = await account.Client.DeleteMigrationAsync(environment, null, Ct);

        Assert.Equal(environment, created.Environment);
        Assert.Equal(["old"], created.From);
        Assert.Equal("new", created.To);
        Assert.Equal(MigrationSteps.Adding, created.Step);
        Assert.Equal(1, created.Version);
        Assert.Equal((created.Version, created.Step, created.UpdatedAt), (read!.Version, read.Step, read.UpdatedAt));
        Assert.Equal(["127.0.0.1:53"], read.Resolvers);
        Assert.Equal(2, changed.Version);
        Assert.Equal(MigrationSteps.Waiting, changed.Step);
        Assert.Equal(["127.0.1.1"], changed.LastCheck!.Answers[0].Answers);
        Assert.True(deleted);
        Assert.False(deletedAgain);
        Assert.Null(await account.Client.GetMigrationAsync(environment, Ct));
    }

    [Fact]
    public async Task Put_answers_the_version_as_etag_and_refuses_a_stale_if_match_with_412()
    {
        var (account, environment) = await CreateSutAsync();
        using var _ = account;
        var created = await account.Client.CreateMigrationAsync(environment, SomeMigration(), Ct);
        await account.Client.UpdateMigrationAsync(environment, SomeMigration() with { Step = MigrationSteps.Waiting }, created.Version, Ct);
        using var http = fixture.CreateHttpClient(account.Token);

        using var response = await http.GetAsync($"v1/environments/{environment}/migration", Ct);
        var error = await Assert.ThrowsAsync<WidemeshPreconditionFailedException>(
            () => account.Client.UpdateMigrationAsync(environment, SomeMigration() with { Step = MigrationSteps.Removing }, created.Version, Ct));

        Assert.Equal(new EntityTagHeaderValue("\"2\""), response.Headers.ETag);
        Assert.Equal(412, error.Status);
        Assert.Equal(MigrationSteps.Waiting, (await account.Client.GetMigrationAsync(environment, Ct))!.Step);
    }

    [Fact]
    public async Task A_second_create_is_refused_so_two_runs_cannot_both_start_a_migration()
    {
        var (account, environment) = await CreateSutAsync();
        using var _ = account;
        await account.Client.CreateMigrationAsync(environment, SomeMigration(), Ct);

        var error = await Assert.ThrowsAsync<WidemeshPreconditionFailedException>(
            () => account.Client.CreateMigrationAsync(environment, SomeMigration() with { To = "other" }, Ct));

        Assert.Contains("already recorded", error.Message, StringComparison.Ordinal);
        Assert.Equal("new", (await account.Client.GetMigrationAsync(environment, Ct))!.To);
    }

    [Fact]
    public async Task Get_answers_404_that_says_whether_the_environment_or_the_migration_is_missing()
    {
        var (account, environment) = await CreateSutAsync();
        using var _ = account;
        using var http = fixture.CreateHttpClient(account.Token);

        var none = JsonNode.Parse(await (await http.GetAsync($"v1/environments/{environment}/migration", Ct)).Content.ReadAsStringAsync(Ct))!;
        var unknown = JsonNode.Parse(await (await http.GetAsync("v1/environments/not-there/migration", Ct)).Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(404, (int)none["status"]!);
        Assert.Contains("has no migration recorded", (string?)none["detail"], StringComparison.Ordinal);
        Assert.Equal(404, (int)unknown["status"]!);
        Assert.Contains("no environment named 'not-there'", (string?)unknown["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_the_environment_deletes_its_migration()
    {
        var (account, environment) = await CreateSutAsync();
        using var _ = account;
        await account.Client.CreateMigrationAsync(environment, SomeMigration(), Ct);

        await account.Client.DeleteEnvironmentAsync(environment, null, Ct);
        await account.Client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = environment, Racks = ["old"] }, Ct);

        Assert.Null(await account.Client.GetMigrationAsync(environment, Ct));
    }

    [Theory]
    [InlineData("""{"from":["old"],"to":"old","step":"adding","startedAt":"2026-01-01T00:00:00Z","ttlSeconds":60}""", "to")]
    [InlineData("""{"from":["old"],"to":"new","step":"flying","startedAt":"2026-01-01T00:00:00Z","ttlSeconds":60}""", "step")]
    [InlineData("""{"from":[],"to":"new","step":"adding","startedAt":"2026-01-01T00:00:00Z","ttlSeconds":60}""", "from")]
    [InlineData("""{"from":["old"],"to":"new","step":"adding","ttlSeconds":60}""", "startedAt")]
    [InlineData("""{"from":["old"],"to":"new","step":"adding","startedAt":"2026-01-01T00:00:00Z","ttlSeconds":-1}""", "ttlSeconds")]
    [InlineData("""{"from":["old"],"to":"new","step":"adding","startedAt":"2026-01-01T00:00:00Z","ttlSeconds":60,"resolvers":["nope"]}""", "resolvers")]
    public async Task Put_refuses_bad_input_with_400_naming_the_field(string body, string field)
    {
        var (account, environment) = await CreateSutAsync();
        using var _ = account;
        using var http = fixture.CreateHttpClient(account.Token);

        using var response = await http.PutAsync($"v1/environments/{environment}/migration", new StringContent(body, Encoding.UTF8, "application/json"), Ct);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(problem["errors"]![field]);
        Assert.Null(await account.Client.GetMigrationAsync(environment, Ct));
    }

    private static MigrationRequest SomeMigration() => new()
    {
        From = ["old"],
        To = "new",
        Step = MigrationSteps.Adding,
        StartedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        TtlSeconds = 60,
        Resolvers = ["127.0.0.1:53"],
    };

    private async Task<(TestAccount Account, string Environment)> CreateSutAsync()
    {
        var account = await fixture.NewAccountAsync(Ct);
        await account.Client.CreateRackAsync(new CreateRackRequest { Name = "old" }, Ct);
        await account.Client.CreateRackAsync(new CreateRackRequest { Name = "new" }, Ct);
        var environment = Some.Name("env");
        await account.Client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = environment, Racks = ["old"] }, Ct);
        return (account, environment);
    }
}
