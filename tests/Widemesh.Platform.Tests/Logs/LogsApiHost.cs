using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Widemesh.Platform.Apis;
using Widemesh.Platform.Hosting;
using Widemesh.Platform.Logs;

namespace Widemesh.Platform.Tests.Logs;

/// <summary>
/// A real Kestrel server on a loopback port with the logs API and a temp data directory, wired the way meshd will
/// wire it (<c>AddWidemeshLogs</c> + <c>MapLogsApi</c>), until meshd itself maps the logs endpoints.
/// </summary>
internal sealed class LogsApiHost : IAsyncDisposable
{
    public const string AccountToken = "wm_test-account-token";

    public static readonly LogEnvironmentRef Shop = new("env_00000000000000a1", "shop", ["r1", "r2"]);

    public static readonly LogEnvironmentRef Blog = new("env_00000000000000b2", "blog", ["r1"]);

    private readonly WebApplication _app;
    private readonly LogTestDirectory _directory = new();

    private LogsApiHost(Func<LogStoreOptions, LogStoreOptions>? configure, TimeProvider? time)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");

        // meshd limits request bodies to 64 KiB server-wide; the logs API must raise its own limit.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 64 * 1024);
        builder.Services.AddProblemDetails();
        LargeBlockMemoryPool.AddTo(builder.Services);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        var options = new LogStoreOptions { Directory = _directory.Path };
        builder.Services.AddWidemeshLogs(configure?.Invoke(options) ?? options);
        builder.Services.AddSingleton<IEnvironmentLookup>(new TestEnvironmentLookup(AccountToken, Shop, Blog));
        _app = builder.Build();
        _app.MapLogsApi();
    }

    public HttpClient Client { get; private set; } = new();

    public LogStore Store => _app.Services.GetRequiredService<LogStore>();

    public static async Task<LogsApiHost> StartAsync(Func<LogStoreOptions, LogStoreOptions>? configure, CancellationToken cancellationToken) =>
        await StartAsync(configure, null, cancellationToken);

    public static async Task<LogsApiHost> StartAsync(Func<LogStoreOptions, LogStoreOptions>? configure, TimeProvider? time, CancellationToken cancellationToken)
    {
        var host = new LogsApiHost(configure, time);
        await host._app.StartAsync(cancellationToken);
        var address = host._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        host.Client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
        return host;
    }

    public HttpRequestMessage Request(HttpMethod method, string path, string? token = AccountToken, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _directory.Dispose();
    }
}
