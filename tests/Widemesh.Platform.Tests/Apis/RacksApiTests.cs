using Widemesh.Platform.Tests.Support;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Tests.Apis;

public sealed class RacksApiTests(MeshdFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_local_rack_is_ready_at_once()
    {
        using var account = await fixture.NewAccountAsync(Ct);

        var rack = await account.Client.CreateRackAsync(new CreateRackRequest { Name = "home" }, Ct);

        Assert.Equal("local", rack.Provider);
        Assert.Equal("ready", rack.Status);
        Assert.Null(rack.Region);
        Assert.Matches("^rck_[0-9a-f]{16}$", rack.Id);
        Assert.Equal([rack], await account.Client.ListRacksAsync(Ct));
    }

    [Fact]
    public async Task Aws_rack_accepts_a_region_that_the_aws_sdk_knows()
    {
        using var account = await fixture.NewAccountAsync(Ct);

        var rack = await account.Client.CreateRackAsync(new CreateRackRequest { Name = "cloud", Provider = "aws", Region = "eu-west-1" }, Ct);

        Assert.Equal("eu-west-1", rack.Region);
    }

    [Fact]
    public async Task Aws_rack_with_an_unknown_region_is_refused_with_the_nearest_names()
    {
        using var account = await fixture.NewAccountAsync(Ct);

        var error = await Assert.ThrowsAsync<WidemeshValidationException>(
            () => account.Client.CreateRackAsync(new CreateRackRequest { Name = "cloud", Provider = "aws", Region = "eu-wset-1" }, Ct));

        Assert.Equal(ProblemTypes.UnknownRegion, error.Type);
        Assert.Equal("region", error.Field);
        Assert.Contains("'eu-west-1'", error.Detail, StringComparison.Ordinal);
        Assert.True(error.Problem.Extensions!.ContainsKey("suggestions"));
    }

    [Fact]
    public async Task Rack_names_are_unique_per_account_only()
    {
        using var first = await fixture.NewAccountAsync(Ct);
        using var second = await fixture.NewAccountAsync(Ct);
        await first.Client.CreateRackAsync(new CreateRackRequest { Name = "edge" }, Ct);

        var error = await Assert.ThrowsAsync<WidemeshConflictException>(() => first.Client.CreateRackAsync(new CreateRackRequest { Name = "edge" }, Ct));
        var other = await second.Client.CreateRackAsync(new CreateRackRequest { Name = "edge" }, Ct);

        Assert.True(error.IsNameTaken);
        Assert.Equal("edge", other.Name);
    }

    [Fact]
    public async Task Deleting_a_rack_that_hosts_environments_is_refused_with_their_names()
    {
        using var account = await fixture.NewAccountAsync(Ct);
        await account.Client.CreateRackAsync(new CreateRackRequest { Name = "busy" }, Ct);
        var web = Some.Name("web");
        var api = Some.Name("api");
        await account.Client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = web, Racks = ["busy"] }, Ct);
        await account.Client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = api, Racks = ["busy"] }, Ct);

        var error = await Assert.ThrowsAsync<WidemeshConflictException>(() => account.Client.DeleteRackAsync("busy", null, Ct));
        await account.Client.DeleteEnvironmentAsync(web, null, Ct);
        await account.Client.DeleteEnvironmentAsync(api, null, Ct);
        await account.Client.DeleteRackAsync("busy", 1, Ct);

        Assert.True(error.IsRackInUse);
        Assert.Equal(new[] { web, api }.Order(StringComparer.Ordinal), error.Environments);
        Assert.Contains(web, error.Detail, StringComparison.Ordinal);
        Assert.Null(await account.Client.GetRackAsync("busy", Ct));
    }

    [Fact]
    public async Task Removing_a_rack_from_an_environment_keeps_the_rack()
    {
        using var account = await fixture.NewAccountAsync(Ct);
        await account.Client.CreateRackAsync(new CreateRackRequest { Name = "old" }, Ct);
        await account.Client.CreateRackAsync(new CreateRackRequest { Name = "new" }, Ct);
        var name = Some.Name("web");
        await account.Client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name, Racks = ["old", "new"] }, Ct);

        await account.Client.UpdateEnvironmentAsync(name, new UpdateEnvironmentRequest { Racks = ["new"] }, null, Ct);

        Assert.NotNull(await account.Client.GetRackAsync("old", Ct));
    }
}
