using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Grpc.HealthCheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Widemesh.Provider.Rpc;
using Widemesh.Provider.Plugin.Logging;
using Widemesh.Provider.Plugin.Services;
using Widemesh.Provider.Server;

namespace Widemesh.Provider.Plugin.Hosting;

/// <summary>
/// Serves the provider the way go-plugin servers do (protocol doc §1): a unix socket (TCP on
/// Windows), HTTP/2 only, AutoMTLS pinned to PLUGIN_CLIENT_CERT (plaintext h2c without it), the
/// health, controller and stdio services, and the handshake line on stdout once accepting.
/// </summary>
internal static class PluginHost
{
    private const int MaxMessageSize = 256 * 1024 * 1024;

    public static async Task<int> RunAsync(PluginEnvironment environment, bool debug, CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;
        var started = time.GetTimestamp();
        var minimum = StderrLoggerProvider.ParseLevel(environment.LogLevel);
        var tls = !debug && environment.ClientCertificatePem is not null;
        X509Certificate2? clientCertificate = null;
        if (tls)
        {
            try
            {
                clientCertificate = ServerCertificate.LoadClientCertificate(environment.ClientCertificatePem!);
            }
            catch (CryptographicException ex)
            {
                await WriteStderrAsync($"[ERROR] PLUGIN_CLIENT_CERT does not hold a PEM certificate ({ex.Message}); Terraform sets it, do not set it by hand.\n", cancellationToken);
                return 1;
            }
        }

        var serverCertificate = tls ? ServerCertificate.Create(time) : null;

        // Building the certificate context chains our self-signed certificate against the whole
        // system CA store (100-200 ms on Linux); Kestrel's UseHttps(ServerCertificate) would do that
        // eagerly, before the handshake line. It runs on a background thread while the host is built
        // and starts instead; the first TLS handshake waits for it. (Starting it only after the
        // handshake line measured ~6 ms faster to the line but ~20 ms slower to the first RPC.)
        var serverContext = serverCertificate is null ? null : Task.Run(() => ServerCertificate.CreateContext(serverCertificate), CancellationToken.None);
        var certificateReady = time.GetElapsedTime(started);
        var listener = PluginListener.Choose(environment);

        // As go-plugin does, the handshake line goes out as soon as the socket accepts connections:
        // the kernel queues Terraform's connection while Kestrel finishes starting on the same socket,
        // which overlaps our host start with Terraform's own client set-up instead of running them in turn.
        using var early = !debug && listener.Network == "unix" ? PreboundSocket.Listen(listener.Address) : null;
        if (early is not null)
        {
            await WriteStdoutAsync(HandshakeLine(environment, listener, serverCertificate), cancellationToken);
        }

        // The empty builder reads no appsettings.json (the working directory is the user's Terraform
        // module) and starts fastest: every Terraform command launches the provider several times.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.UseSetting(WebHostDefaults.PreventHostingStartupKey, "true");
        builder.WebHost.UseSetting(WebHostDefaults.SuppressStatusMessagesKey, "true");
        builder.Services.AddRoutingCore();
        builder.Logging.AddProvider(new StderrLoggerProvider(minimum));
        builder.Logging.SetMinimumLevel(minimum);
        builder.Logging.AddFilter("Microsoft", minimum <= LogLevel.Debug ? minimum : LogLevel.Warning);
        builder.Services.AddSingleton<IHostLifetime, PluginLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMilliseconds(500));
        builder.Services.AddSingleton(sp => new ProviderServer(new ProviderServerOptions { Logger = sp.GetRequiredService<ILogger<ProviderServer>>() }));
        builder.Services.AddSingleton<HealthServiceImpl>();
        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = MaxMessageSize;
            o.MaxSendMessageSize = MaxMessageSize;
            o.Interceptors.Add<UnexpectedErrorInterceptor>();
        });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Limits.Http2.MaxStreamsPerConnection = 1000;
            void Configure(ListenOptions listen)
            {
                listen.Protocols = HttpProtocols.Http2;
                if (tls)
                {
                    listen.UseHttps(new TlsHandshakeCallbackOptions
                    {
                        OnConnection = async context => ServerCertificate.AuthenticationOptions(await serverContext!.WaitAsync(context.CancellationToken), clientCertificate!),
                    });
                }
            }

            if (early is not null)
            {
                kestrel.ListenHandle(early.HandOver(), Configure);
            }
            else if (listener.Network == "unix")
            {
                kestrel.ListenUnixSocket(listener.Address, Configure);
            }
            else
            {
                kestrel.Listen(IPAddress.Loopback, listener.Port, Configure);
            }
        });

        var app = builder.Build();
        var built = time.GetElapsedTime(started);
        app.MapGrpcService<ProviderGrpcService>();
        app.MapGrpcService<HealthServiceImpl>();
        app.MapGrpcService<ControllerService>();
        app.MapGrpcService<StdioService>();
        app.Services.GetRequiredService<HealthServiceImpl>().SetStatus("plugin", Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving);

        try
        {
            await app.StartAsync(cancellationToken);
            var logger = app.Services.GetRequiredService<ILogger<ProviderServer>>();
            Log.Serving(logger, listener.Network, listener.Address, tls);
            Log.StartupTimings(logger, certificateReady.TotalMilliseconds, built.TotalMilliseconds, time.GetElapsedTime(started).TotalMilliseconds);
            if (debug)
            {
                await WriteStdoutAsync(ReattachInstructions.Format(listener), cancellationToken);
            }
            else if (early is null)
            {
                await WriteStdoutAsync(HandshakeLine(environment, listener, serverCertificate), cancellationToken);
            }

            var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
            lifetime.ApplicationStopping.Register(() => _ = ExitSoonAsync());
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        }
        finally
        {
            await app.DisposeAsync();
            listener.Cleanup();
        }
    }

    private static string HandshakeLine(PluginEnvironment environment, PluginListener listener, X509Certificate2? serverCertificate)
    {
        var certificateField = serverCertificate is null ? string.Empty : ServerCertificate.ToHandshakeField(serverCertificate);
        return $"1|{environment.NegotiateProtocolVersion()}|{listener.Network}|{listener.Address}|grpc|{certificateField}\n";
    }

    public static async Task WriteStderrAsync(string text, CancellationToken cancellationToken)
    {
        await using var stderr = System.Console.OpenStandardError();
        await stderr.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await stderr.FlushAsync(cancellationToken);
    }

    private static async Task WriteStdoutAsync(string text, CancellationToken cancellationToken)
    {
        await using var stdout = System.Console.OpenStandardOutput();
        await stdout.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await stdout.FlushAsync(cancellationToken);
    }

    /// <summary>A stuck connection must not keep the process alive past Terraform's 2 s grace period.</summary>
    private static async Task ExitSoonAsync()
    {
        await Task.Delay(TimeSpan.FromMilliseconds(900), CancellationToken.None);
        System.Environment.Exit(0);
    }
}
