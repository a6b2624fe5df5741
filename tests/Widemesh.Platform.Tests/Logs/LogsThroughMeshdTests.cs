using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Meshd;

namespace Widemesh.Platform.Tests.Logs;

/// <summary>The logs API as meshd serves it: the real process, its store and its tokens.</summary>
public sealed class LogsThroughMeshdTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Acknowledged_lines_are_served_back_and_survive_kill_9()
    {
        await using var meshd = await MeshdProcess.StartAsync(null, Ct);
        await CreateEnvironmentAsync(meshd, "shop");
        using var http = CreateHttp(meshd, meshd.AdminToken);

        var ingest = await IngestAsync(http, "shop", "hello from web", "hello again");
        await meshd.KillHardAsync(Ct);
        await meshd.RestartAsync(Ct);
        using var after = CreateHttp(meshd, meshd.AdminToken);
        var lines = await ReadAsync(after, "shop", "since=5m");

        Assert.Equal(HttpStatusCode.OK, ingest);
        Assert.Equal(2, lines.Length);
        Assert.Contains("hello from web", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"rack\":\"eu-1\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("hello again", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_an_environment_deletes_its_logs()
    {
        await using var meshd = await MeshdProcess.StartAsync(null, Ct);
        await CreateEnvironmentAsync(meshd, "shop");
        using var http = CreateHttp(meshd, meshd.AdminToken);
        await IngestAsync(http, "shop", "a line that must go");

        using var client = meshd.CreateClient();
        var environment = await client.GetEnvironmentAsync("shop", Ct);
        var logDirectory = Path.Combine(meshd.DataDirectory, "logs", environment!.Id);
        var keptBeforeDelete = Directory.Exists(logDirectory);

        await client.DeleteEnvironmentAsync("shop", null, Ct);
        await client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = "shop", Racks = ["eu-1"] }, Ct);

        Assert.True(keptBeforeDelete, $"the ingested line should have been stored under {logDirectory}");
        Assert.False(Directory.Exists(logDirectory), $"{logDirectory} should be gone with the environment");
        Assert.Empty(await ReadAsync(http, "shop", "since=1h"));
    }

    [Fact]
    public async Task Another_accounts_environment_logs_answer_404_and_no_token_answers_401()
    {
        await using var meshd = await MeshdProcess.StartAsync(null, Ct);
        await CreateEnvironmentAsync(meshd, "shop");
        string otherToken;
        using (var admin = meshd.CreateClient())
        {
            await admin.CreateAccountAsync(new CreateAccountRequest { Name = "other" }, Ct);
            otherToken = (await admin.CreateTokenAsync(new CreateTokenRequest { Name = "ci", Account = "other" }, Ct)).Token!;
        }

        using var other = CreateHttp(meshd, otherToken);
        using var anonymous = CreateHttp(meshd, null);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri("/v1/environments/shop/logs?since=1m", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/v1/environments/shop/logs?since=1m", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task A_malformed_since_is_refused_with_the_accepted_forms()
    {
        await using var meshd = await MeshdProcess.StartAsync(null, Ct);
        await CreateEnvironmentAsync(meshd, "shop");
        using var http = CreateHttp(meshd, meshd.AdminToken);

        using var response = await http.GetAsync(new Uri("/v1/environments/shop/logs?since=an-hour", UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("since", body, StringComparison.Ordinal);
        Assert.Contains("1h30m", body, StringComparison.Ordinal);
    }

    private static async Task CreateEnvironmentAsync(MeshdProcess meshd, string name)
    {
        using var client = meshd.CreateClient();
        await client.CreateRackAsync(new CreateRackRequest { Name = "eu-1" }, Ct);
        await client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name, Racks = ["eu-1"] }, Ct);
    }

    private static HttpClient CreateHttp(MeshdProcess meshd, string? token)
    {
        var http = new HttpClient { BaseAddress = meshd.Endpoint };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    private static async Task<HttpStatusCode> IngestAsync(HttpClient http, string environment, params string[] messages)
    {
        var body = string.Join('\n', messages.Select(m => $$"""{"stack":"web","instance":"web-1","rack":"eu-1","message":"{{m}}"}"""));
        using var content = new StringContent(body, Encoding.UTF8, "application/x-ndjson");
        using var response = await http.PostAsync(new Uri($"/v1/environments/{environment}/logs", UriKind.Relative), content, Ct);
        return response.StatusCode;
    }

    private static async Task<string[]> ReadAsync(HttpClient http, string environment, string query)
    {
        var text = await http.GetStringAsync(new Uri($"/v1/environments/{environment}/logs?{query}", UriKind.Relative), Ct);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
