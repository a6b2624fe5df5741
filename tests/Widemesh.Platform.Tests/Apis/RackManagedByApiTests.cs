using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Widemesh.Platform.Tests.Support;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Tests.Apis;

/// <summary>A rack's <c>managedBy</c>: set on create, changed with PATCH (the only field that can change).</summary>
public sealed class RackManagedByApiTests(MeshdFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Managed_by_is_set_on_create_changed_and_cleared_with_patch()
    {
        using var account = await fixture.NewAccountAsync(Ct);

        var created = await account.Client.CreateRackAsync(new CreateRackRequest { Name = "r", ManagedBy = "terraform" }, Ct);
        var changed = await account.Client.UpdateRackAsync("r", new UpdateRackRequest { ManagedBy = "mesh" }, created.Version, Ct);
        var same = await account.Client.UpdateRackAsync("r", new UpdateRackRequest { ManagedBy = "mesh" }, null, Ct);
        var cleared = await account.Client.UpdateRackAsync("r", new UpdateRackRequest(), changed.Version, Ct);

        Assert.Equal("terraform", created.ManagedBy);
        Assert.Equal(1, created.Version);
        Assert.Equal("mesh", changed.ManagedBy);
        Assert.Equal(2, changed.Version);
        Assert.Equal(2, same.Version);
        Assert.Null(cleared.ManagedBy);
        Assert.Equal(3, cleared.Version);
        Assert.Equal(cleared, await account.Client.GetRackAsync("r", Ct));
        Assert.Equal(created.IngressAddress, cleared.IngressAddress);
    }

    [Fact]
    public async Task Patch_answers_with_the_new_version_as_etag()
    {
        using var account = await fixture.NewAccountAsync(Ct);
        await account.Client.CreateRackAsync(new CreateRackRequest { Name = "r" }, Ct);
        using var http = fixture.CreateHttpClient(account.Token);

        using var response = await http.PatchAsync("v1/racks/r", Json("""{"managedBy":"mesh"}"""), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new EntityTagHeaderValue("\"2\""), response.Headers.ETag);
    }

    [Fact]
    public async Task Patch_with_a_stale_version_is_refused_with_412()
    {
        using var account = await fixture.NewAccountAsync(Ct);
        var created = await account.Client.CreateRackAsync(new CreateRackRequest { Name = "r" }, Ct);
        await account.Client.UpdateRackAsync("r", new UpdateRackRequest { ManagedBy = "first" }, created.Version, Ct);

        var error = await Assert.ThrowsAsync<WidemeshPreconditionFailedException>(
            () => account.Client.UpdateRackAsync("r", new UpdateRackRequest { ManagedBy = "second" }, created.Version, Ct));

        Assert.Equal(412, error.Status);
        Assert.Equal("first", (await account.Client.GetRackAsync("r", Ct))!.ManagedBy);
    }

    [Theory]
    [InlineData("ingressAddress", "\"127.0.9.9\"")]
    [InlineData("provider", "\"aws\"")]
    [InlineData("name", "\"other\"")]
    [InlineData("colour", "\"blue\"")]
    public async Task Patch_of_any_field_but_managed_by_is_refused_naming_the_field(string field, string value)
    {
        using var account = await fixture.NewAccountAsync(Ct);
        var created = await account.Client.CreateRackAsync(new CreateRackRequest { Name = "r" }, Ct);
        using var http = fixture.CreateHttpClient(account.Token);

        using var response = await http.PatchAsync("v1/racks/r", Json($$"""{"managedBy":"mesh","{{field}}":{{value}}}"""), Ct);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(problem["errors"]![field]);
        Assert.Contains("racks are replaced, not updated", problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(created, await account.Client.GetRackAsync("r", Ct));
    }

    [Fact]
    public async Task Managed_by_longer_than_100_characters_is_refused_naming_the_field()
    {
        using var account = await fixture.NewAccountAsync(Ct);
        await account.Client.CreateRackAsync(new CreateRackRequest { Name = "r" }, Ct);
        var tooLong = new string('m', 101);

        var onCreate = await Assert.ThrowsAsync<WidemeshValidationException>(
            () => account.Client.CreateRackAsync(new CreateRackRequest { Name = "s", ManagedBy = tooLong }, Ct));
        var onPatch = await Assert.ThrowsAsync<WidemeshValidationException>(
            () => account.Client.UpdateRackAsync("r", new UpdateRackRequest { ManagedBy = tooLong }, null, Ct));

        Assert.Equal("managedBy", onCreate.Field);
        Assert.Equal("managedBy", onPatch.Field);
    }

    [Fact]
    public async Task Another_accounts_rack_cannot_be_patched()
    {
        using var owner = await fixture.NewAccountAsync(Ct);
        using var stranger = await fixture.NewAccountAsync(Ct);
        await owner.Client.CreateRackAsync(new CreateRackRequest { Name = "r", ManagedBy = "owner" }, Ct);

        await Assert.ThrowsAsync<WidemeshNotFoundException>(
            () => stranger.Client.UpdateRackAsync("r", new UpdateRackRequest { ManagedBy = "stranger" }, null, Ct));

        Assert.Equal("owner", (await owner.Client.GetRackAsync("r", Ct))!.ManagedBy);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
