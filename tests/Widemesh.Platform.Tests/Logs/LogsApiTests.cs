using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Widemesh.Platform.Apis;
using Widemesh.Sdk.Durations;

namespace Widemesh.Platform.Tests.Logs;

public sealed partial class LogsApiTests : IAsyncDisposable
{
    private LogsApiHost? _host;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lines_sent_with_an_ingest_token_are_read_back_as_ndjson_with_how_far_back_logs_reach()
    {
        var host = await CreateSutAsync(null, Cancellation);
        var token = await MintAsync(host, "shop", "r2", Cancellation);

        var ingest = await host.Client.SendAsync(
            host.Request(HttpMethod.Post, "/v1/environments/shop/logs", token, Ndjson(
                """{"stack":"web","instance":"web-1","message":"GET / 200","time":"2026-01-02T03:04:05Z"}""",
                """{"service":"db","instance":"db-1","stream":"stderr","message":"slow query"}""")),
            Cancellation);
        var accepted = await ingest.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        using var read = await host.Client.SendAsync(host.Request(HttpMethod.Get, "/v1/environments/shop/logs?since=15m"), Cancellation);
        var lines = await LinesAsync(read, Cancellation);

        Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
        Assert.Equal(2, accepted.GetProperty("accepted").GetInt32());
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("application/x-ndjson; charset=utf-8", read.Content.Headers.ContentType?.ToString());
        Assert.Equal("2", read.Headers.GetValues(LogsApi.CursorHeader).Single());
        Assert.True(DateTimeOffset.Parse(read.Headers.GetValues(LogsApi.OldestHeader).Single(), System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.Equal(2, lines.Count);
        Assert.Equal(1, lines[0].GetProperty("seq").GetInt64());
        Assert.Equal("r2", lines[0].GetProperty("rack").GetString());
        Assert.Equal("web", lines[0].GetProperty("stack").GetString());
        Assert.Equal("web-1", lines[0].GetProperty("instance").GetString());
        Assert.Equal("stdout", lines[0].GetProperty("stream").GetString());
        Assert.Equal("GET / 200", lines[0].GetProperty("message").GetString());
        Assert.Equal("2026-01-02T03:04:05.0000000Z", lines[0].GetProperty("sourceTime").GetString());
        Assert.Equal("db", lines[1].GetProperty("service").GetString());
        Assert.Equal("stderr", lines[1].GetProperty("stream").GetString());
    }

    [Fact]
    public async Task An_account_token_ingests_a_json_array_for_a_rack_of_its_environment()
    {
        var host = await CreateSutAsync(null, Cancellation);

        var withoutRack = await PostAsync(host, "shop", LogsApiHost.AccountToken, """[{"stack":"web","instance":"web-1","message":"x"}]""", Cancellation);
        var withRack = await PostAsync(host, "shop", LogsApiHost.AccountToken, """[{"rack":"r1","stack":"web","instance":"web-1","message":"x"}]""", Cancellation);
        var problem = await withoutRack.Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, withoutRack.StatusCode);
        Assert.Equal("entries[0].rack", problem.GetProperty("field").GetString());
        Assert.Contains("r1, r2", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, withRack.StatusCode);
    }

    [Fact]
    public async Task An_ingest_token_writes_only_its_environment_and_rack_and_cannot_read()
    {
        var host = await CreateSutAsync(null, Cancellation);
        var token = await MintAsync(host, "shop", "r1", Cancellation);

        var otherEnvironment = await PostAsync(host, "blog", token, """{"stack":"web","instance":"web-1","message":"x"}""", Cancellation);
        var otherRack = await PostAsync(host, "shop", token, """{"rack":"r2","stack":"web","instance":"web-1","message":"x"}""", Cancellation);
        var unknown = await PostAsync(host, "shop", "wml_" + new string('0', 64), """{"stack":"web","instance":"web-1","message":"x"}""", Cancellation);
        var read = await host.Client.SendAsync(host.Request(HttpMethod.Get, "/v1/environments/shop/logs", token), Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, otherEnvironment.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherRack.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.DoesNotContain(token, await otherEnvironment.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_since_is_refused_with_the_accepted_forms()
    {
        var host = await CreateSutAsync(null, Cancellation);

        var response = await host.Client.SendAsync(host.Request(HttpMethod.Get, "/v1/environments/shop/logs?since=5 minutes"), Cancellation);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("since", problem.GetProperty("field").GetString());
        Assert.Equal("https://widemesh.dev/problems/validation", problem.GetProperty("type").GetString());
        Assert.Contains(DurationParser.AcceptedForms, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("until=yesterday", "until")]
    [InlineData("follow=maybe", "follow")]
    [InlineData("cursor=-3", "cursor")]
    public async Task Other_malformed_parameters_are_refused_naming_the_parameter(string query, string field)
    {
        var host = await CreateSutAsync(null, Cancellation);

        var response = await host.Client.SendAsync(host.Request(HttpMethod.Get, $"/v1/environments/shop/logs?{query}"), Cancellation);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Unknown_environments_are_not_found_and_requests_without_a_token_are_unauthorized()
    {
        var host = await CreateSutAsync(null, Cancellation);

        var unknown = await host.Client.SendAsync(host.Request(HttpMethod.Get, "/v1/environments/nope/logs"), Cancellation);
        var anonymousRead = await host.Client.SendAsync(host.Request(HttpMethod.Get, "/v1/environments/shop/logs", token: null), Cancellation);
        var anonymousWrite = await PostAsync(host, "shop", null, """{"stack":"web","instance":"web-1","message":"x"}""", Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousRead.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousWrite.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private static StringContent Ndjson(params string[] lines) => new(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson");

    private static async Task<string> MintAsync(LogsApiHost host, string environment, string rack, CancellationToken cancellationToken)
    {
        using var response = await host.Client.SendAsync(
            host.Request(HttpMethod.Post, $"/v1/environments/{environment}/log-tokens", content: JsonContent.Create(new { rack })),
            cancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var minted = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return minted.GetProperty("token").GetString()!;
    }

    private static Task<HttpResponseMessage> PostAsync(LogsApiHost host, string environment, string? token, string body, CancellationToken cancellationToken) =>
        PostAsync(host, environment, token, new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);

    private static Task<HttpResponseMessage> PostAsync(LogsApiHost host, string environment, string? token, HttpContent content, CancellationToken cancellationToken) =>
        host.Client.SendAsync(host.Request(HttpMethod.Post, $"/v1/environments/{environment}/logs", token, content), cancellationToken);

    private static async Task<List<JsonElement>> LinesAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)];
    }

    private async Task<LogsApiHost> CreateSutAsync(Func<Widemesh.Platform.Logs.LogStoreOptions, Widemesh.Platform.Logs.LogStoreOptions>? configure, CancellationToken cancellationToken)
    {
        _host = await LogsApiHost.StartAsync(configure, cancellationToken);
        return _host;
    }
}
