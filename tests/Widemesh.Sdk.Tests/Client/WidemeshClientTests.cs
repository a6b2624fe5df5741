using System.Net;
using System.Net.Sockets;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Sdk.Tests.Client;

public sealed class WidemeshClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_unreachable_server_throws_with_how_to_start_meshd()
    {
        using var client = CreateSut(new Uri($"http://127.0.0.1:{ClosedPort()}"), maxRetries: 2);

        var error = await Assert.ThrowsAsync<WidemeshUnreachableException>(() => client.ListRacksAsync(Ct));

        Assert.Contains("Start it with `meshd`", error.Message, StringComparison.Ordinal);
        Assert.Contains("connection refused", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_retry_on_503_and_then_succeed()
    {
        await using var server = await StubServer.StartAsync(Ct);
        server.Enqueue(503);
        server.Enqueue(502);
        using var client = CreateSut(server.Endpoint, maxRetries: 3);

        var whoami = await client.WhoAmIAsync(Ct);

        Assert.Equal("a", whoami.Account);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Creates_are_not_retried_after_the_server_answered()
    {
        await using var server = await StubServer.StartAsync(Ct);
        server.Enqueue(503, """{"type":"about:blank","title":"Unavailable","status":503,"detail":"busy"}""");
        using var client = CreateSut(server.Endpoint, maxRetries: 3);

        var error = await Assert.ThrowsAsync<WidemeshApiException>(
            () => client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = "web", Racks = ["a"] }, Ct));

        Assert.Equal(503, error.Status);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Client_errors_are_not_retried_and_carry_the_problem_fields()
    {
        await using var server = await StubServer.StartAsync(Ct);
        server.Enqueue(400, """{"type":"https://widemesh.dev/problems/validation","title":"Bad","status":400,"detail":"name is required","field":"name","errors":{"name":["name is required"]}}""");
        using var client = CreateSut(server.Endpoint, maxRetries: 3);

        var error = await Assert.ThrowsAsync<WidemeshValidationException>(() => client.GetRackAsync("x", Ct));

        Assert.Equal(ProblemTypes.Validation, error.Type);
        Assert.Equal("name", error.Field);
        Assert.Equal(["name is required"], error.Errors["name"]);
        Assert.Equal("name is required", error.Message);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(401, typeof(WidemeshUnauthorizedException))]
    [InlineData(403, typeof(WidemeshForbiddenException))]
    [InlineData(409, typeof(WidemeshConflictException))]
    [InlineData(412, typeof(WidemeshPreconditionFailedException))]
    [InlineData(413, typeof(WidemeshValidationException))]
    [InlineData(500, typeof(WidemeshApiException))]
    public async Task Each_status_maps_to_its_exception(int status, Type expected)
    {
        await using var server = await StubServer.StartAsync(Ct);
        server.Enqueue(status);
        using var client = CreateSut(server.Endpoint, maxRetries: 0);

        var error = await Assert.ThrowsAnyAsync<WidemeshApiException>(() => client.DeleteRackAsync("r", 3, Ct));

        Assert.IsType(expected, error);
        Assert.Equal("DELETE /v1/racks/r \"3\"", server.Requests.Single());
    }

    [Fact]
    public async Task Get_answers_null_for_404()
    {
        await using var server = await StubServer.StartAsync(Ct);
        server.Enqueue(404);
        using var client = CreateSut(server.Endpoint, maxRetries: 0);

        Assert.Null(await client.GetEnvironmentAsync("gone", Ct));
    }

    [Fact]
    public void Options_never_show_the_token()
    {
        var options = new WidemeshClientOptions { Token = "wm_secret" };

        Assert.DoesNotContain("wm_secret", options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("wm_secret", new ApiToken { Id = "t", Name = "n", Account = "a", Token = "wm_secret", Version = 1, CreatedAt = default }.ToString(), StringComparison.Ordinal);
    }

    private static WidemeshClient CreateSut(Uri endpoint, int maxRetries) => new(new WidemeshClientOptions
    {
        Endpoint = endpoint,
        Token = "wm_test",
        MaxRetries = maxRetries,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        Timeout = TimeSpan.FromSeconds(10),
    });

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
