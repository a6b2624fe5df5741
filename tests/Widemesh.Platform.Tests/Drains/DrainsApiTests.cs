using System.Net;
using System.Net.Http.Json;
using Widemesh.Platform.Tests.Support;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Tests.Drains;

/// <summary>The drains API's rules, on the shared meshd; no syslog server is needed.</summary>
public sealed class DrainsApiTests(MeshdFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("", "url is required")]
    [InlineData("http://logs.example.com:514", "scheme 'http' is not supported")]
    [InlineData("logs.example.com:514", "has no scheme")]
    [InlineData("syslog+tcp://logs.example.com", "has no port: add one")]
    [InlineData("syslog+tcp://logs.example.com:99999", "use a number from 1 to 65535")]
    [InlineData("syslog+tcp://:514", "no valid host")]
    [InlineData("syslog+tls://logs.example.com:6514/path", "without user, path, query or fragment")]
    public async Task Bad_urls_are_refused_with_the_field_and_the_fix(string url, string expected)
    {
        using var account = await fixture.NewAccountAsync(Ct);
        var name = await CreateEnvironmentAsync(account);
        using var http = fixture.CreateHttpClient(account.Token);

        using var response = await http.PostAsJsonAsync($"/v1/environments/{name}/drains", new { url }, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"field\":\"url\"", body, StringComparison.Ordinal);
        Assert.Contains(expected, body, StringComparison.Ordinal);
        Assert.Contains("syslog+tcp://logs.example.com:514", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_accounts_environment_answers_404()
    {
        using var owner = await fixture.NewAccountAsync(Ct);
        using var other = await fixture.NewAccountAsync(Ct);
        var name = await CreateEnvironmentAsync(owner);

        var create = await Assert.ThrowsAsync<WidemeshNotFoundException>(
            () => other.Client.CreateDrainAsync(name, new CreateDrainRequest { Url = "syslog+tcp://127.0.0.1:9" }, Ct));
        var list = await Assert.ThrowsAsync<WidemeshNotFoundException>(() => other.Client.ListDrainsAsync(name, Ct));

        Assert.Contains(name, create.Message, StringComparison.Ordinal);
        Assert.NotNull(list);
        Assert.Empty(await owner.Client.ListDrainsAsync(name, Ct));
    }

    [Fact]
    public async Task An_unreachable_server_shows_in_last_error_and_the_drain_can_be_deleted()
    {
        using var account = await fixture.NewAccountAsync(Ct);
        var name = await CreateEnvironmentAsync(account);

        var drain = await account.Client.CreateDrainAsync(name, new CreateDrainRequest { Url = "syslog+tcp://127.0.0.1:9" }, Ct);
        Drain listed;
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        do
        {
            await Task.Delay(50, Ct);
            listed = (await account.Client.ListDrainsAsync(name, Ct)).Single();
        }
        while (listed.LastError is null && DateTimeOffset.UtcNow < deadline);
        await account.Client.DeleteDrainAsync(name, drain.Id, Ct);
        var missing = await Assert.ThrowsAsync<WidemeshNotFoundException>(() => account.Client.DeleteDrainAsync(name, drain.Id, Ct));

        Assert.False(listed.Connected);
        Assert.NotNull(listed.LastError);
        Assert.NotNull(listed.LastErrorAt);
        Assert.Contains(drain.Id, missing.Message, StringComparison.Ordinal);
        Assert.Empty(await account.Client.ListDrainsAsync(name, Ct));
    }

    [Fact]
    public async Task Deleting_the_environment_removes_its_drains()
    {
        using var account = await fixture.NewAccountAsync(Ct);
        var name = await CreateEnvironmentAsync(account);
        var drain = await account.Client.CreateDrainAsync(name, new CreateDrainRequest { Url = "syslog+tcp://127.0.0.1:9" }, Ct);

        await account.Client.DeleteEnvironmentAsync(name, null, Ct);
        await account.Client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name, Racks = ["r1"] }, Ct);
        var drains = Path.Combine(fixture.Meshd.DataDirectory, "drains");
        var deadline = DateTimeOffset.UtcNow.AddSeconds(15);
        while (File.Exists(Path.Combine(drains, drain.Id + ".cursor")) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(100, Ct);
        }

        Assert.Empty(await account.Client.ListDrainsAsync(name, Ct));
        Assert.False(File.Exists(Path.Combine(drains, drain.Id + ".cursor")), "the deleted environment's drain still has its cursor file");
        Assert.DoesNotContain(
            Directory.EnumerateFiles(drains, "*.json"),
            path => File.ReadAllText(path).Contains(drain.Id, StringComparison.Ordinal));
    }

    private static async Task<string> CreateEnvironmentAsync(TestAccount account)
    {
        var name = Some.Name("shop");
        if ((await account.Client.ListRacksAsync(Ct)).Count == 0)
        {
            await account.Client.CreateRackAsync(new CreateRackRequest { Name = "r1" }, Ct);
        }

        await account.Client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name, Racks = ["r1"] }, Ct);
        return name;
    }
}
