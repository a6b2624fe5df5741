using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Widemesh.Platform.Tests.Support;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Tests.Apis;

public sealed class AuthMatrixTests(MeshdFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly (string Method, string Path)[] Endpoints =
    [
        ("GET", "v1/racks"),
        ("POST", "v1/racks"),
        ("GET", "v1/racks/r"),
        ("DELETE", "v1/racks/r"),
        ("GET", "v1/environments"),
        ("POST", "v1/environments"),
        ("GET", "v1/environments/e"),
        ("PATCH", "v1/environments/e"),
        ("PUT", "v1/environments/e"),
        ("DELETE", "v1/environments/e"),
        ("GET", "v1/environment-names/e"),
        ("GET", "v1/accounts"),
        ("POST", "v1/accounts"),
        ("GET", "v1/tokens"),
        ("POST", "v1/tokens"),
        ("DELETE", "v1/tokens/tok_0000000000000000"),
        ("GET", "v1/whoami"),
        ("GET", "v1/dns/records"),
        ("GET", "v1/dns/status"),
    ];

    public static TheoryData<string, string, string?> EndpointsAndBadAuthorization()
    {
        var data = new TheoryData<string, string, string?>();
        foreach (var (method, path) in Endpoints)
        {
            data.Add(method, path, null);
            data.Add(method, path, "Bearer wm_0000000000000000000000000000000000000000000000000000000000000000");
            data.Add(method, path, "Basic YWRtaW46YWRtaW4=");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EndpointsAndBadAuthorization))]
    public async Task Every_endpoint_refuses_a_missing_or_bad_token_with_401(string method, string path, string? authorization)
    {
        using var http = fixture.CreateHttpClient(null);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        if (method is "POST" or "PATCH" or "PUT")
        {
            request.Content = new StringContent("""{"name":"x","racks":["r"]}""", Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(ProblemTypes.Unauthorized, body, StringComparison.Ordinal);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dns_records_of_all_environments_are_those_of_the_callers_account_only()
    {
        using var owner = await fixture.NewAccountAsync(Ct);
        using var stranger = await fixture.NewAccountAsync(Ct);
        await owner.Client.CreateRackAsync(new CreateRackRequest { Name = "r" }, Ct);
        var name = Some.Name("env");
        await owner.Client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name, Racks = ["r"] }, Ct);

        var mine = await owner.Client.ListEnvironmentDnsAsync(Ct);
        var theirs = await stranger.Client.ListEnvironmentDnsAsync(Ct);

        Assert.Equal([name], mine!.Select(dns => dns.Environment));
        Assert.Empty(theirs!);
    }

    [Fact]
    public async Task Another_accounts_racks_environments_and_tokens_are_not_found()
    {
        using var owner = await fixture.NewAccountAsync(Ct);
        using var stranger = await fixture.NewAccountAsync(Ct);
        await owner.Client.CreateRackAsync(new CreateRackRequest { Name = "r" }, Ct);
        var name = Some.Name("env");
        await owner.Client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name, Racks = ["r"] }, Ct);
        var ownerToken = (await owner.Client.ListTokensAsync(Ct)).Single();

        Assert.Null(await stranger.Client.GetEnvironmentAsync(name, Ct));
        Assert.Null(await stranger.Client.GetRackAsync("r", Ct));
        await Assert.ThrowsAsync<WidemeshNotFoundException>(() => stranger.Client.UpdateEnvironmentAsync(name, new UpdateEnvironmentRequest { Racks = ["r"] }, null, Ct));
        await Assert.ThrowsAsync<WidemeshNotFoundException>(() => stranger.Client.ReplaceEnvironmentAsync(name, new UpdateEnvironmentRequest { Racks = ["r"] }, null, Ct));
        await Assert.ThrowsAsync<WidemeshNotFoundException>(() => stranger.Client.DeleteEnvironmentAsync(name, null, Ct));
        await Assert.ThrowsAsync<WidemeshNotFoundException>(() => stranger.Client.DeleteRackAsync("r", null, Ct));
        await Assert.ThrowsAsync<WidemeshNotFoundException>(() => stranger.Client.DeleteTokenAsync(ownerToken.Id, Ct));
        Assert.Empty(await stranger.Client.ListEnvironmentsAsync(Ct));
        Assert.Empty(await stranger.Client.ListRacksAsync(Ct));
        Assert.DoesNotContain(await stranger.Client.ListTokensAsync(Ct), t => t.Id == ownerToken.Id);
        Assert.NotNull(await owner.Client.GetEnvironmentAsync(name, Ct));
    }

    [Fact]
    public async Task A_non_admin_token_may_not_manage_accounts_or_other_accounts_tokens()
    {
        using var account = await fixture.NewAccountAsync(Ct);

        var list = await Assert.ThrowsAsync<WidemeshForbiddenException>(() => account.Client.ListAccountsAsync(Ct));
        await Assert.ThrowsAsync<WidemeshForbiddenException>(() => account.Client.CreateAccountAsync(new CreateAccountRequest { Name = Some.Name("x") }, Ct));
        await Assert.ThrowsAsync<WidemeshForbiddenException>(() => account.Client.CreateTokenAsync(new CreateTokenRequest { Name = "sneaky", Account = "admin" }, Ct));

        Assert.Equal(ProblemTypes.Forbidden, list.Type);
    }

    [Fact]
    public async Task Admin_creates_accounts_and_tokens_that_work_until_deleted()
    {
        using var admin = fixture.Meshd.CreateClient();
        var account = await admin.CreateAccountAsync(new CreateAccountRequest { Name = Some.Name("team") }, Ct);
        var token = await admin.CreateTokenAsync(new CreateTokenRequest { Name = "ci", Account = account.Name }, Ct);
        using var client = fixture.Meshd.CreateClient(token.Token);

        var whoami = await client.WhoAmIAsync(Ct);
        var own = await client.CreateTokenAsync(new CreateTokenRequest { Name = "laptop" }, Ct);
        await admin.DeleteTokenAsync(token.Id, Ct);

        Assert.Equal(new WhoAmI { Account = account.Name, TokenName = "ci", Admin = false }, whoami);
        Assert.Equal(account.Name, own.Account);
        Assert.StartsWith("wm_", own.Token, StringComparison.Ordinal);
        Assert.Contains(await admin.ListAccountsAsync(Ct), a => a.Name == account.Name && !a.Admin);
        Assert.All(await admin.ListTokensAsync(Ct), t => Assert.Null(t.Token));
        await Assert.ThrowsAsync<WidemeshUnauthorizedException>(() => client.WhoAmIAsync(Ct));
    }

    [Fact]
    public async Task Health_readiness_and_the_openapi_document_need_no_token()
    {
        using var http = fixture.CreateHttpClient(null);

        using var health = await http.GetAsync("healthz", Ct);
        using var ready = await http.GetAsync("readyz", Ct);
        var openApi = await http.GetStringAsync("openapi/v1.json", Ct);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"/v1/environments/{name}\"", openApi, StringComparison.Ordinal);
        Assert.Contains("\"/v1/racks\"", openApi, StringComparison.Ordinal);
        Assert.Contains("\"scheme\": \"bearer\"", openApi, StringComparison.Ordinal);
        Assert.Contains("\"412\"", openApi, StringComparison.Ordinal);
    }
}
