using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts.Logs;

namespace Widemesh.Sdk.Tests.Client;

/// <summary>
/// When the SDK gives up on a silent follow. The server here is a stub standing in for meshd versions we cannot run
/// in this repository: one from before heartbeats (no announcement), and one announcing an interval. The real meshd's
/// announcement is tested in the platform's logs API tests.
/// </summary>
public sealed class LogStreamSilenceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null, null)]
    [InlineData("2", 6.0)]
    [InlineData("0.5", 1.5)]
    public async Task A_follow_is_timed_out_after_three_announced_heartbeats_and_never_when_none_were_announced(string? announced, double? limitSeconds)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.Run(async context =>
        {
            context.Response.ContentType = "application/x-ndjson";
            if (announced is not null)
            {
                context.Response.Headers["X-Widemesh-Logs-Heartbeat"] = announced;
            }

            await context.Response.WriteAsync("", context.RequestAborted);
        });
        await app.StartAsync(Ct);
        var endpoint = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        using var client = new WidemeshClient(new WidemeshClientOptions { Endpoint = endpoint, Token = "wm_test" });

        using var stream = await client.OpenLogStreamAsync("shop", new LogQueryOptions { Follow = true }, Ct);

        Assert.Equal(limitSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null, stream.SilenceLimit);
    }
}
