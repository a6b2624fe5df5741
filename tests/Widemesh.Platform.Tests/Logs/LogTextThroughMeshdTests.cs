using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;
using Widemesh.Sdk.Contracts.Logs;
using Widemesh.Testing.Meshd;

namespace Widemesh.Platform.Tests.Logs;

/// <summary>Text/plain log ingest through the SDK against the real meshd process.</summary>
public sealed class LogTextThroughMeshdTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_sdk_sends_raw_lines_with_an_account_token_and_reads_them_back()
    {
        await using var meshd = await MeshdProcess.StartAsync(null, Ct);
        await CreateEnvironmentAsync(meshd, "shop");
        using var client = meshd.CreateClient();
        byte[] output = [.. "ready\r\nslow query "u8, 0xFF];

        var result = await client.IngestLogTextAsync(
            "shop", new LogTextSource { Service = "db", Instance = "db-1", Rack = "eu-1", Stream = "stderr" }, output, Ct);
        var lines = await ReadAsync(client, "shop");

        Assert.Equal(2, result.Accepted);
        Assert.Equal(2, result.Stored);
        Assert.Equal(result.FirstSequence + 1, result.LastSequence);
        Assert.Equal(["ready", "slow query \\xff"], lines.Select(l => l.Message));
        Assert.All(lines, l => Assert.Equal(("db", "db-1", "eu-1", "stderr"), (l.Service, l.Instance, l.Rack, l.Stream)));
    }

    [Fact]
    public async Task The_sdk_sends_raw_lines_with_an_ingest_token_that_implies_its_rack()
    {
        await using var meshd = await MeshdProcess.StartAsync(null, Ct);
        await CreateEnvironmentAsync(meshd, "shop");
        using var agent = meshd.CreateClient(await MintIngestTokenAsync(meshd, "shop", "eu-1"));
        using var reader = meshd.CreateClient();

        var result = await agent.IngestLogTextAsync("shop", new LogTextSource { Stack = "web", Instance = "web-1" }, "GET / 200\nGET /cart 200\n"u8.ToArray(), Ct);
        var lines = await ReadAsync(reader, "shop");

        Assert.Equal(2, result.Accepted);
        Assert.Equal(["GET / 200", "GET /cart 200"], lines.Select(l => l.Message));
        Assert.All(lines, l => Assert.Equal(("web", "eu-1", "stdout"), (l.Stack, l.Rack, l.Stream)));
    }

    [Fact]
    public async Task The_sdk_reports_a_refused_text_batch_with_the_parameter_it_names()
    {
        await using var meshd = await MeshdProcess.StartAsync(null, Ct);
        await CreateEnvironmentAsync(meshd, "shop");
        using var client = meshd.CreateClient();

        var withoutRack = await Assert.ThrowsAsync<WidemeshValidationException>(
            () => client.IngestLogTextAsync("shop", new LogTextSource { Stack = "web", Instance = "web-1" }, "x\n"u8.ToArray(), Ct));
        var badInstance = await Assert.ThrowsAsync<WidemeshValidationException>(
            () => client.IngestLogTextAsync("shop", new LogTextSource { Stack = "web", Instance = "web 1", Rack = "eu-1" }, "x\n"u8.ToArray(), Ct));
        var empty = await Assert.ThrowsAsync<WidemeshValidationException>(
            () => client.IngestLogTextAsync("shop", new LogTextSource { Stack = "web", Instance = "web-1", Rack = "eu-1" }, ReadOnlyMemory<byte>.Empty, Ct));

        Assert.Equal("rack", withoutRack.Field);
        Assert.Contains("eu-1", withoutRack.Detail, StringComparison.Ordinal);
        Assert.Equal("instance", badInstance.Field);
        Assert.Equal("body", empty.Field);
    }

    [Fact]
    public async Task The_openapi_document_lists_text_plain_for_log_ingest()
    {
        await using var meshd = await MeshdProcess.StartAsync(null, Ct);
        using var http = new HttpClient { BaseAddress = meshd.Endpoint };

        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct));
        var post = document.RootElement.GetProperty("paths").GetProperty("/v1/environments/{name}/logs").GetProperty("post");
        var content = post.GetProperty("requestBody").GetProperty("content");

        Assert.True(content.TryGetProperty("application/x-ndjson", out _));
        Assert.Equal("string", content.GetProperty("text/plain").GetProperty("schema").GetProperty("type").GetString());
        Assert.Contains(post.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "instance");
    }

    private static async Task CreateEnvironmentAsync(MeshdProcess meshd, string name)
    {
        using var client = meshd.CreateClient();
        await client.CreateRackAsync(new CreateRackRequest { Name = "eu-1" }, Ct);
        await client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name, Racks = ["eu-1"] }, Ct);
    }

    private static async Task<string> MintIngestTokenAsync(MeshdProcess meshd, string environment, string rack)
    {
        using var http = new HttpClient { BaseAddress = meshd.Endpoint };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", meshd.AdminToken);
        using var response = await http.PostAsJsonAsync(new Uri($"/v1/environments/{environment}/log-tokens", UriKind.Relative), new { rack }, Ct);
        response.EnsureSuccessStatusCode();
        var minted = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return minted.GetProperty("token").GetString() ?? throw new InvalidOperationException("the minted token has no secret");
    }

    private static async Task<List<LogLine>> ReadAsync(WidemeshClient client, string environment)
    {
        using var stream = await client.OpenLogStreamAsync(environment, new LogQueryOptions { Since = TimeSpan.FromMinutes(5) }, Ct);
        var lines = new List<LogLine>();
        await foreach (var line in stream.ReadLinesAsync(Ct))
        {
            lines.Add(line);
        }

        return lines;
    }
}
