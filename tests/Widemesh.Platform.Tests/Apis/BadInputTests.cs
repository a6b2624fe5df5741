using System.Net;
using System.Text;
using System.Text.Json;
using Widemesh.Platform.Tests.Support;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Tests.Apis;

/// <summary>Every kind of bad request gets a 4xx problem that names the field and the rule; none gets a 500.</summary>
public sealed class BadInputTests(MeshdFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string, int, string, string> Cases => new()
    {
        // method, path, body, status, problem slug, text the detail must contain
        { "POST", "v1/environments", """{"name":"Shop","racks":["r"]}""", 400, "validation", "must start with a lowercase letter" },
        { "POST", "v1/environments", """{"name":"","racks":["r"]}""", 400, "validation", "name is required" },
        { "POST", "v1/environments", """{"racks":["r"]}""", 400, "validation", "name is required" },
        { "POST", "v1/environments", $$"""{"name":"{{new string('a', 64)}}","racks":["r"]}""", 400, "validation", "at most 63" },
        { "POST", "v1/environments", """{"name":"1shop","racks":["r"]}""", 400, "validation", "must start with a lowercase letter" },
        { "POST", "v1/environments", """{"name":"shop-","racks":["r"]}""", 400, "validation", "must not end with '-'" },
        { "POST", "v1/environments", """{"name":"sh_op","racks":["r"]}""", 400, "validation", "contains '_'" },
        { "POST", "v1/environments", """{"name":"sh.op","racks":["r"]}""", 400, "validation", "contains '.'" },
        { "POST", "v1/environments", """{"name":"shop","racks":[]}""", 400, "validation", "at least one rack" },
        { "POST", "v1/environments", """{"name":"shop"}""", 400, "validation", "at least one rack" },
        { "POST", "v1/environments", """{"name":"shop","racks":["r","r"]}""", 400, "validation", "lists rack 'r' twice" },
        { "POST", "v1/environments", """{"name":"shop","racks":["r","ghost"]}""", 400, "validation", "rack 'ghost', which this account does not have" },
        { "POST", "v1/environments", """{"name":"shop","racks":["R"]}""", 400, "validation", "racks[0] 'R'" },
        { "POST", "v1/environments", """{"name":"shop","racks":[null]}""", 400, "validation", "racks[0] is required" },
        { "POST", "v1/environments", """{"name":"shop","racks":["r"],"managedBy":"{{LONG}}"}""", 400, "validation", "managedBy" },
        { "POST", "v1/environments", """{"name":"shop","racks":"r"}""", 400, "malformed-body", "at 'racks'" },
        { "POST", "v1/environments", """{"name":42,"racks":["r"]}""", 400, "malformed-body", "at 'name'" },
        { "POST", "v1/environments", """{"name":"shop","racks":["r"]""", 400, "malformed-body", "not a valid CreateEnvironmentRequest" },
        { "POST", "v1/environments", "not json", 400, "malformed-body", "not a valid CreateEnvironmentRequest" },
        { "POST", "v1/environments", "[]", 400, "malformed-body", "not a valid CreateEnvironmentRequest" },
        { "POST", "v1/environments", "null", 400, "malformed-body", "JSON null" },
        { "POST", "v1/environments", "", 400, "malformed-body", "empty" },
        { "POST", "v1/environments", "{{HUGE}}", 413, "payload-too-large", "64 KiB" },
        { "PATCH", "v1/environments/{{ENV}}", """{"racks":[]}""", 400, "validation", "at least one rack" },
        { "PATCH", "v1/environments/{{ENV}}", """{"racks":["r","r"]}""", 400, "validation", "twice" },
        { "PATCH", "v1/environments/{{ENV}}", """{"racks":["ghost"]}""", 400, "validation", "does not have" },
        { "PATCH", "v1/environments/nothing-here", """{"racks":["r"]}""", 404, "not-found", "no environment named 'nothing-here'" },
        { "PUT", "v1/environments/{{ENV}}", """{"managedBy":"x"}""", 400, "validation", "at least one rack" },
        { "POST", "v1/racks", """{"name":"Edge"}""", 400, "validation", "lowercase" },
        { "POST", "v1/racks", """{"name":"edge","provider":"gcp"}""", 400, "validation", "provider 'gcp'" },
        { "POST", "v1/racks", """{"name":"edge","provider":"aws"}""", 400, "validation", "region is required" },
        { "POST", "v1/racks", """{"name":"edge","provider":"aws","region":"mars-1"}""", 400, "unknown-region", "Did you mean" },
        { "POST", "v1/racks", """{"name":"edge","region":"us-east-1"}""", 400, "validation", "aws racks only" },
        { "POST", "v1/racks", """{"name":"r"}""", 409, "name-taken", "already has a rack named 'r'" },
        { "POST", "v1/tokens", """{"name":"Bad Name"}""", 400, "validation", "name" },
        { "GET", "v1/no-such-thing", "", 404, "not-found", "no endpoint" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_refused_with_the_right_problem(string method, string path, string body, int status, string slug, string text)
    {
        using var account = await fixture.NewAccountAsync(Ct);
        await account.Client.CreateRackAsync(new CreateRackRequest { Name = "r" }, Ct);
        var environment = Some.Name("env");
        await account.Client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = environment, Racks = ["r"] }, Ct);
        using var http = fixture.CreateHttpClient(account.Token);
        body = body.Replace("{{LONG}}", new string('x', 101), StringComparison.Ordinal)
            .Replace("{{HUGE}}", $$"""{"name":"shop","racks":["r"],"pad":"{{new string('x', 70_000)}}"}""", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{{ENV}}", environment, StringComparison.Ordinal));
        if (method != "GET")
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, Ct);
        var problem = JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(Ct), WidemeshJsonContext.Default.ApiProblem)!;

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ProblemTypes.Prefix + slug, problem.Type);
        Assert.Contains(text, problem.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Unknown_fields_are_ignored()
    {
        using var account = await fixture.NewAccountAsync(Ct);
        await account.Client.CreateRackAsync(new CreateRackRequest { Name = "r" }, Ct);
        using var http = fixture.CreateHttpClient(account.Token);

        using var response = await http.PostAsync(
            "v1/environments", new StringContent($$"""{"name":"{{Some.Name("env")}}","racks":["r"],"colour":"teal"}""", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_json_by_content_type_is_refused_with_415()
    {
        using var account = await fixture.NewAccountAsync(Ct);
        using var http = fixture.CreateHttpClient(account.Token);

        using var response = await http.PostAsync("v1/racks", new StringContent("name=r", Encoding.UTF8, "text/plain"), Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("Content-Type: application/json", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_log_batch_of_an_unknown_content_type_is_refused_with_415_listing_the_three_forms()
    {
        using var account = await fixture.NewAccountAsync(Ct);
        await account.Client.CreateRackAsync(new CreateRackRequest { Name = "r" }, Ct);
        var name = Some.Name("env");
        await account.Client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name, Racks = ["r"] }, Ct);
        using var http = fixture.CreateHttpClient(account.Token);

        using var response = await http.PostAsync($"v1/environments/{name}/logs?stack=web&instance=web-1", new StringContent("a,b\n", Encoding.UTF8, "text/csv"), Ct);
        var detail = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/x-ndjson", detail, StringComparison.Ordinal);
        Assert.Contains("text/plain", detail, StringComparison.Ordinal);
        Assert.Contains("text/csv", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("\"-1\"")]
    [InlineData("\"1\", \"2\"")]
    public async Task A_malformed_if_match_is_refused_naming_the_header(string ifMatch)
    {
        using var account = await fixture.NewAccountAsync(Ct);
        await account.Client.CreateRackAsync(new CreateRackRequest { Name = "r" }, Ct);
        using var http = fixture.CreateHttpClient(account.Token);
        using var request = new HttpRequestMessage(HttpMethod.Delete, "v1/racks/r");
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("If-Match", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
