using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Widemesh.Sdk.Tests.Client;

/// <summary>
/// A tiny Kestrel server that answers with scripted statuses, to test the client's transport
/// behaviour (retries, problem parsing). It stands in for a flaky proxy, not for meshd.
/// </summary>
internal sealed class StubServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(int Status, string? Body)> _script = new();

    private StubServer(WebApplication app) => _app = app;

    public List<string> Requests { get; } = [];

    public Uri Endpoint => new(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    public static async Task<StubServer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new StubServer(app);
        app.Run(server.AnswerAsync);
        await app.StartAsync(cancellationToken);
        return server;
    }

    public void Enqueue(int status, string? problemJson = null) => _script.Enqueue((status, problemJson));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task AnswerAsync(HttpContext context)
    {
        lock (Requests)
        {
            Requests.Add($"{context.Request.Method} {context.Request.Path} {context.Request.Headers.IfMatch}");
        }

        var (status, body) = _script.TryDequeue(out var next) ? next : (200, """{"account":"a","tokenName":"t","admin":false}""");
        context.Response.StatusCode = status;
        if (body is not null)
        {
            context.Response.ContentType = status >= 400 ? "application/problem+json" : "application/json";
            await context.Response.WriteAsync(body, context.RequestAborted);
        }
    }
}
