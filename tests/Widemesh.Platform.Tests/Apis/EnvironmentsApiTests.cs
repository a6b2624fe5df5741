using Widemesh.Platform.Tests.Support;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Tests.Apis;

public sealed class EnvironmentsApiTests(MeshdFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_answers_the_environment_with_its_primary_rack_and_hostname()
    {
        using var account = await fixture.NewAccountAsync(Ct);
        await CreateRacksAsync(account, "old", "new");
        var name = Some.Name("shop");

        var created = await account.Client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name, Racks = ["old", "new"], ManagedBy = "mesh" }, Ct);

        Assert.Equal(["old", "new"], created.Racks);
        Assert.Equal("new", created.PrimaryRack);
        Assert.Equal($"{name}.widemesh.internal", created.Hostname);
        Assert.Equal("ready", created.Status);
        Assert.Equal("mesh", created.ManagedBy);
        Assert.Equal(1, created.Version);
        Assert.Matches("^env_[0-9a-f]{16}$", created.Id);
        Assert.Equivalent(created, await account.Client.GetEnvironmentAsync(name, Ct), strict: true);
    }

    [Fact]
    public async Task Migration_in_two_steps_moves_the_environment_and_bumps_the_version()
    {
        using var account = await fixture.NewAccountAsync(Ct);
        await CreateRacksAsync(account, "old", "new");
        var name = Some.Name("shop");
        var created = await account.Client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name, Racks = ["old"] }, Ct);

        var both = await account.Client.UpdateEnvironmentAsync(name, new UpdateEnvironmentRequest { Racks = ["old", "new"] }, created.Version, Ct);
        var moved = await account.Client.UpdateEnvironmentAsync(name, new UpdateEnvironmentRequest { Racks = ["new"] }, both.Version, Ct);

        Assert.Equal("new", both.PrimaryRack);
        Assert.Equal(2, both.Version);
        Assert.Equal(["new"], moved.Racks);
        Assert.Equal(3, moved.Version);
        Assert.Equal(created.Id, moved.Id);
    }

    [Fact]
    public async Task Update_with_a_stale_version_is_refused_with_412()
    {
        using var account = await fixture.NewAccountAsync(Ct);
        await CreateRacksAsync(account, "a", "b");
        var name = Some.Name("shop");
        await account.Client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name, Racks = ["a"] }, Ct);
        await account.Client.UpdateEnvironmentAsync(name, new UpdateEnvironmentRequest { Racks = ["b"] }, 1, Ct);

        var error = await Assert.ThrowsAsync<WidemeshPreconditionFailedException>(
            () => account.Client.UpdateEnvironmentAsync(name, new UpdateEnvironmentRequest { Racks = ["a", "b"] }, 1, Ct));
        var deleteError = await Assert.ThrowsAsync<WidemeshPreconditionFailedException>(
            () => account.Client.DeleteEnvironmentAsync(name, 1, Ct));

        Assert.Equal(ProblemTypes.PreconditionFailed, error.Type);
        Assert.Contains("version 2", error.Detail, StringComparison.Ordinal);
        Assert.Equal(412, deleteError.Status);
        Assert.Equal(["b"], (await account.Client.GetEnvironmentAsync(name, Ct))!.Racks);
    }

    [Fact]
    public async Task Put_requires_racks_and_replaces_managed_by()
    {
        using var account = await fixture.NewAccountAsync(Ct);
        await CreateRacksAsync(account, "a");
        var name = Some.Name("shop");
        await account.Client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name, Racks = ["a"], ManagedBy = "terraform" }, Ct);

        var missing = await Assert.ThrowsAsync<WidemeshValidationException>(
            () => account.Client.ReplaceEnvironmentAsync(name, new UpdateEnvironmentRequest(), null, Ct));
        var replaced = await account.Client.ReplaceEnvironmentAsync(name, new UpdateEnvironmentRequest { Racks = ["a"] }, null, Ct);

        Assert.Equal("racks", missing.Field);
        Assert.Null(replaced.ManagedBy);
        Assert.Equal(2, replaced.Version);
    }

    [Fact]
    public async Task Delete_removes_the_environment_and_frees_its_name()
    {
        using var account = await fixture.NewAccountAsync(Ct);
        await CreateRacksAsync(account, "a");
        var name = Some.Name("shop");
        await account.Client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name, Racks = ["a"] }, Ct);

        await account.Client.DeleteEnvironmentAsync(name, null, Ct);

        Assert.Null(await account.Client.GetEnvironmentAsync(name, Ct));
        Assert.DoesNotContain(await account.Client.ListEnvironmentsAsync(Ct), e => e.Name == name);
        Assert.True((await account.Client.CheckEnvironmentNameAsync(name, Ct)).Available);
        await Assert.ThrowsAsync<WidemeshNotFoundException>(() => account.Client.DeleteEnvironmentAsync(name, null, Ct));
    }

    [Fact]
    public async Task List_is_sorted_by_name()
    {
        using var account = await fixture.NewAccountAsync(Ct);
        await CreateRacksAsync(account, "a");
        foreach (var name in new[] { "zz-last", "aa-first", "mm-middle" })
        {
            await account.Client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name + "-" + account.Name, Racks = ["a"] }, Ct);
        }

        var list = await account.Client.ListEnvironmentsAsync(Ct);

        Assert.Equal(list.Select(e => e.Name).Order(StringComparer.Ordinal), list.Select(e => e.Name));
        Assert.Equal(3, list.Count);
    }

    [Fact]
    public async Task Another_accounts_environment_is_not_found_and_its_name_is_taken_without_naming_the_owner()
    {
        using var owner = await fixture.NewAccountAsync(Ct);
        using var stranger = await fixture.NewAccountAsync(Ct);
        await CreateRacksAsync(owner, "a");
        await CreateRacksAsync(stranger, "a");
        var name = Some.Name("shop");
        await owner.Client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name, Racks = ["a"] }, Ct);

        var taken = await Assert.ThrowsAsync<WidemeshConflictException>(
            () => stranger.Client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name, Racks = ["a"] }, Ct));
        var check = await stranger.Client.CheckEnvironmentNameAsync(name, Ct);

        Assert.Null(await stranger.Client.GetEnvironmentAsync(name, Ct));
        Assert.True(taken.IsNameTaken);
        Assert.DoesNotContain(owner.Name, taken.Detail, StringComparison.Ordinal);
        Assert.False(check.Available);
        Assert.DoesNotContain(owner.Name, check.Problem, StringComparison.Ordinal);
        Assert.True((await owner.Client.CheckEnvironmentNameAsync(name, Ct)).Available);
    }

    [Fact]
    public async Task Name_check_reports_an_invalid_name_with_the_rule()
    {
        using var account = await fixture.NewAccountAsync(Ct);

        var check = await account.Client.CheckEnvironmentNameAsync("Shop", Ct);

        Assert.False(check.Valid);
        Assert.False(check.Available);
        Assert.Contains("lowercase", check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_answers_the_version_as_etag()
    {
        using var account = await fixture.NewAccountAsync(Ct);
        await CreateRacksAsync(account, "a");
        var name = Some.Name("shop");
        await account.Client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name, Racks = ["a"] }, Ct);
        using var http = fixture.CreateHttpClient(account.Token);

        using var response = await http.GetAsync($"v1/environments/{name}", Ct);

        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
    }

    private static async Task CreateRacksAsync(TestAccount account, params string[] names)
    {
        foreach (var name in names)
        {
            await account.Client.CreateRackAsync(new CreateRackRequest { Name = name }, Ct);
        }
    }
}
