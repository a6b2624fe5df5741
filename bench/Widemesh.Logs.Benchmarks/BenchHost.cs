using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Widemesh.Platform.Apis;
using Widemesh.Platform.Hosting;
using Widemesh.Platform.Logs;

namespace Widemesh.Logs.Benchmarks;

/// <summary>Kestrel on a loopback port with the logs API wired as in meshd, over a fresh data directory.</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    public const string Token = "wm_bench";

    public static readonly LogEnvironmentRef Environment = new("env_bench000000000001", "bench", ["r1"]);

    private readonly WebApplication _app;

    private BenchHost(WebApplication app, string directory, HttpClient client)
    {
        _app = app;
        Directory = directory;
        Client = client;
    }

    public string Directory { get; }

    public HttpClient Client { get; }

    public LogStore Store => _app.Services.GetRequiredService<LogStore>();

    public LogIngestor Ingestor => _app.Services.GetRequiredService<LogIngestor>();

    public string SegmentDirectory => Path.Combine(Directory, Environment.Id);

    public static async Task<BenchHost> StartAsync(string directory, long maxBytes, CancellationToken cancellationToken)
    {
        // As meshd does: with the working directory as content root, the configuration watcher would watch every
        // folder under it, the store's included, and wake up on each segment write.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddProblemDetails();
        LargeBlockMemoryPool.AddTo(builder.Services);
        builder.Services.AddWidemeshLogs(new LogStoreOptions { Directory = directory, MaxBytesPerEnvironment = maxBytes });
        builder.Services.AddSingleton<IEnvironmentLookup>(new BenchEnvironmentLookup(Token, Environment));
        var app = builder.Build();
        app.MapLogsApi();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address), Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return new BenchHost(app, directory, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
