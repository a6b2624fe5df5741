using Widemesh.Platform.Auth;
using Widemesh.Platform.Store;
using Widemesh.Platform.Tests.Support;

namespace Widemesh.Platform.Tests.Store;

/// <summary>
/// What every <see cref="IPlatformStore"/> must do. Each implementation runs this suite by
/// deriving from it (SQLite now; PostgreSQL later).
/// </summary>
public abstract class PlatformStoreContractTests : IAsyncLifetime
{
    private IPlatformStore? _store;

    private protected IPlatformStore Store => _store ?? throw new InvalidOperationException("The store is not created yet.");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = await CreateStoreAsync(Ct);
        await _store.InitializeAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        await DisposeStoreResourcesAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Initialize_twice_keeps_the_data()
    {
        var account = await NewAccountAsync();

        await Store.InitializeAsync(Ct);

        Assert.NotNull(await Store.GetAccountAsync(account.Name, Ct));
        Assert.True(await Store.IsReadyAsync(Ct));
    }

    [Fact]
    public async Task Create_environment_keeps_the_rack_order()
    {
        var account = await NewAccountAsync();
        await NewRacksAsync(account, "b", "a", "c");

        var created = await Store.CreateEnvironmentAsync(new NewEnvironment(account.Id, "shop", ["c", "a", "b"], "terraform"), Ct);

        Assert.Equal(StoreOutcome.Done, created.Outcome);
        var read = await Store.GetEnvironmentAsync(account.Id, "shop", Ct);
        Assert.NotNull(read);
        Assert.Equal(["c", "a", "b"], read.Racks);
        Assert.Equal("terraform", read.ManagedBy);
        Assert.Equal(1, read.Version);
        Assert.StartsWith("env_", read.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Environment_names_are_unique_across_accounts()
    {
        var first = await NewAccountAsync();
        var second = await NewAccountAsync();
        await NewRacksAsync(first, "r");
        await NewRacksAsync(second, "r");
        await Store.CreateEnvironmentAsync(new NewEnvironment(first.Id, "shared", ["r"], null), Ct);

        var result = await Store.CreateEnvironmentAsync(new NewEnvironment(second.Id, "shared", ["r"], null), Ct);

        Assert.Equal(StoreOutcome.NameTaken, result.Outcome);
        Assert.Empty(await Store.ListEnvironmentsAsync(second.Id, Ct));
        Assert.Equal(NameClaim.Taken, await Store.GetEnvironmentNameClaimAsync(second.Id, "shared", Ct));
        Assert.Equal(NameClaim.Yours, await Store.GetEnvironmentNameClaimAsync(first.Id, "shared", Ct));
        Assert.Equal(NameClaim.Free, await Store.GetEnvironmentNameClaimAsync(first.Id, "other", Ct));
    }

    [Fact]
    public async Task Rack_names_are_unique_per_account_only()
    {
        var first = await NewAccountAsync();
        var second = await NewAccountAsync();
        await NewRacksAsync(first, "edge");

        var again = await Store.CreateRackAsync(new NewRack(first.Id, "edge", "local", null, "ready"), Ct);
        var elsewhere = await Store.CreateRackAsync(new NewRack(second.Id, "edge", "local", null, "ready"), Ct);

        Assert.Equal(StoreOutcome.NameTaken, again.Outcome);
        Assert.Equal(StoreOutcome.Done, elsewhere.Outcome);
    }

    [Fact]
    public async Task Create_environment_refuses_unknown_racks_and_writes_nothing()
    {
        var account = await NewAccountAsync();
        await NewRacksAsync(account, "a");

        var result = await Store.CreateEnvironmentAsync(new NewEnvironment(account.Id, "shop", ["a", "ghost", "phantom"], null), Ct);

        Assert.Equal(StoreOutcome.UnknownRacks, result.Outcome);
        Assert.Equal(["ghost", "phantom"], result.Names);
        Assert.Equal(NameClaim.Free, await Store.GetEnvironmentNameClaimAsync(account.Id, "shop", Ct));
    }

    [Fact]
    public async Task Racks_of_another_account_are_unknown()
    {
        var first = await NewAccountAsync();
        var second = await NewAccountAsync();
        await NewRacksAsync(first, "mine");

        var result = await Store.CreateEnvironmentAsync(new NewEnvironment(second.Id, "shop", ["mine"], null), Ct);

        Assert.Equal(StoreOutcome.UnknownRacks, result.Outcome);
    }

    [Fact]
    public async Task Update_bumps_the_version_only_when_something_changes()
    {
        var account = await NewAccountAsync();
        await NewRacksAsync(account, "old", "new");
        await Store.CreateEnvironmentAsync(new NewEnvironment(account.Id, "shop", ["old"], null), Ct);

        var same = await Store.UpdateEnvironmentAsync(new EnvironmentChange(account.Id, "shop", ["old"], false, null, 1), Ct);
        var moved = await Store.UpdateEnvironmentAsync(new EnvironmentChange(account.Id, "shop", ["old", "new"], false, null, 1), Ct);

        Assert.Equal(1, same.Value!.Version);
        Assert.Equal(2, moved.Value!.Version);
        Assert.Equal(["old"], moved.Previous!.Racks);
        Assert.Equal(["old", "new"], (await Store.GetEnvironmentAsync(account.Id, "shop", Ct))!.Racks);
    }

    [Fact]
    public async Task Update_with_a_stale_version_changes_nothing()
    {
        var account = await NewAccountAsync();
        await NewRacksAsync(account, "a", "b");
        await Store.CreateEnvironmentAsync(new NewEnvironment(account.Id, "shop", ["a"], null), Ct);
        await Store.UpdateEnvironmentAsync(new EnvironmentChange(account.Id, "shop", ["b"], false, null, null), Ct);

        var stale = await Store.UpdateEnvironmentAsync(new EnvironmentChange(account.Id, "shop", ["a", "b"], false, null, 1), Ct);

        Assert.Equal(StoreOutcome.Stale, stale.Outcome);
        Assert.Equal(2, stale.CurrentVersion);
        Assert.Equal(["b"], (await Store.GetEnvironmentAsync(account.Id, "shop", Ct))!.Racks);
    }

    [Fact]
    public async Task Delete_rack_in_use_names_the_environments_and_keeps_the_rack()
    {
        var account = await NewAccountAsync();
        await NewRacksAsync(account, "busy", "idle");
        await Store.CreateEnvironmentAsync(new NewEnvironment(account.Id, "zeta", ["busy"], null), Ct);
        await Store.CreateEnvironmentAsync(new NewEnvironment(account.Id, "alpha", ["idle", "busy"], null), Ct);

        var result = await Store.DeleteRackAsync(account.Id, "busy", null, Ct);

        Assert.Equal(StoreOutcome.InUse, result.Outcome);
        Assert.Equal(["alpha", "zeta"], result.Names);
        Assert.NotNull(await Store.GetRackAsync(account.Id, "busy", Ct));
    }

    [Fact]
    public async Task Delete_rack_checks_its_version()
    {
        var account = await NewAccountAsync();
        await NewRacksAsync(account, "r");

        var stale = await Store.DeleteRackAsync(account.Id, "r", 7, Ct);
        var deleted = await Store.DeleteRackAsync(account.Id, "r", 1, Ct);

        Assert.Equal(StoreOutcome.Stale, stale.Outcome);
        Assert.Equal(StoreOutcome.Done, deleted.Outcome);
        Assert.Null(await Store.GetRackAsync(account.Id, "r", Ct));
    }

    [Fact]
    public async Task Delete_environment_frees_its_name_and_its_racks()
    {
        var account = await NewAccountAsync();
        var other = await NewAccountAsync();
        await NewRacksAsync(account, "r");
        await NewRacksAsync(other, "r");
        await Store.CreateEnvironmentAsync(new NewEnvironment(account.Id, "shop", ["r"], null), Ct);

        var deleted = await Store.DeleteEnvironmentAsync(account.Id, "shop", null, Ct);

        Assert.Equal(StoreOutcome.Done, deleted.Outcome);
        Assert.Equal(StoreOutcome.Done, (await Store.DeleteRackAsync(account.Id, "r", null, Ct)).Outcome);
        Assert.Equal(StoreOutcome.Done, (await Store.CreateEnvironmentAsync(new NewEnvironment(other.Id, "shop", ["r"], null), Ct)).Outcome);
    }

    [Fact]
    public async Task Another_account_cannot_read_change_or_delete_an_environment()
    {
        var owner = await NewAccountAsync();
        var stranger = await NewAccountAsync();
        await NewRacksAsync(owner, "r");
        await NewRacksAsync(stranger, "r");
        await Store.CreateEnvironmentAsync(new NewEnvironment(owner.Id, "private", ["r"], null), Ct);

        Assert.Null(await Store.GetEnvironmentAsync(stranger.Id, "private", Ct));
        Assert.Equal(StoreOutcome.NotFound, (await Store.UpdateEnvironmentAsync(new EnvironmentChange(stranger.Id, "private", ["r"], false, null, null), Ct)).Outcome);
        Assert.Equal(StoreOutcome.NotFound, (await Store.DeleteEnvironmentAsync(stranger.Id, "private", null, Ct)).Outcome);
        Assert.NotNull(await Store.GetEnvironmentAsync(owner.Id, "private", Ct));
    }

    [Fact]
    public async Task List_environments_is_sorted_by_name_and_scoped_to_the_account()
    {
        var account = await NewAccountAsync();
        var other = await NewAccountAsync();
        await NewRacksAsync(account, "a", "b");
        await NewRacksAsync(other, "a");
        foreach (var name in new[] { "mike", "alpha", "zulu" })
        {
            await Store.CreateEnvironmentAsync(new NewEnvironment(account.Id, name, ["b", "a"], null), Ct);
        }

        await Store.CreateEnvironmentAsync(new NewEnvironment(other.Id, "bravo", ["a"], null), Ct);

        var list = await Store.ListEnvironmentsAsync(account.Id, Ct);

        Assert.Equal(["alpha", "mike", "zulu"], list.Select(e => e.Name));
        Assert.All(list, e => Assert.Equal(["b", "a"], e.Racks));
    }

    [Fact]
    public async Task Tokens_are_found_by_their_hash_and_gone_after_delete()
    {
        var account = await NewAccountAsync();
        var secret = TokenSecrets.New();
        var token = (await Store.CreateTokenAsync(account.Id, "ci", TokenSecrets.Hash(secret), Ct)).Value!;

        var caller = await Store.FindCallerAsync(TokenSecrets.Hash(secret), Ct);
        var duplicate = await Store.CreateTokenAsync(account.Id, "ci", TokenSecrets.Hash(TokenSecrets.New()), Ct);
        var deleted = await Store.DeleteTokenAsync(token.Id, account.Id, Ct);

        Assert.Equal(new Caller(account.Id, account.Name, false, token.Id, "ci"), caller);
        Assert.Equal(StoreOutcome.NameTaken, duplicate.Outcome);
        Assert.Equal(StoreOutcome.Done, deleted);
        Assert.Null(await Store.FindCallerAsync(TokenSecrets.Hash(secret), Ct));
    }

    [Fact]
    public async Task Concurrent_claims_of_one_name_have_exactly_one_winner()
    {
        var accounts = new[] { await NewAccountAsync(), await NewAccountAsync() };
        foreach (var account in accounts)
        {
            await NewRacksAsync(account, "r");
        }

        var attempts = Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => Store.CreateEnvironmentAsync(new NewEnvironment(accounts[i % 2].Id, "contested", ["r"], null), Ct), Ct));
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r.Outcome == StoreOutcome.Done);
        Assert.Equal(39, results.Count(r => r.Outcome == StoreOutcome.NameTaken));
    }

    private protected abstract Task<IPlatformStore> CreateStoreAsync(CancellationToken cancellationToken);

    protected virtual ValueTask DisposeStoreResourcesAsync() => ValueTask.CompletedTask;

    private async Task<StoredAccount> NewAccountAsync() =>
        (await Store.CreateAccountAsync(Some.Name("acct"), admin: false, Ct)).Value!;

    private async Task NewRacksAsync(StoredAccount account, params string[] names)
    {
        foreach (var name in names)
        {
            Assert.Equal(StoreOutcome.Done, (await Store.CreateRackAsync(new NewRack(account.Id, name, "local", null, "ready"), Ct)).Outcome);
        }
    }
}
