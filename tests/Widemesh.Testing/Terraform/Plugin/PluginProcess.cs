using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Widemesh.Testing.Terraform.Protocol.GoPlugin;
using ProviderClient = Widemesh.Testing.Terraform.Protocol.Tfplugin6.Provider.ProviderClient;

namespace Widemesh.Testing.Terraform.Plugin;

/// <summary>
/// A provider executable launched exactly as Terraform launches it (protocol doc §1): magic cookie, protocol versions,
/// port range, a fresh client certificate, no stdin; the first stdout line parsed strictly; a connection over mutual
/// TLS pinned to the handshake certificate, HTTP/2 only. Dispose shuts it down like Terraform's Close().
/// </summary>
public sealed class PluginProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly ConcurrentQueue<string> _strayStdout = new();
    private readonly X509Certificate2? _clientCertificate;
    private readonly Stopwatch _started;
    private GrpcChannel? _channel;
    private bool _shutDown;

    private PluginProcess(Process process, X509Certificate2? clientCertificate, Stopwatch started)
    {
        _process = process;
        _clientCertificate = clientCertificate;
        _started = started;
    }

    public PluginHandshake Handshake { get; private set; } = new(1, 6, "", "", "", null);

    /// <summary>Time from exec to the handshake line.</summary>
    public TimeSpan HandshakeTime { get; private set; }

    public int ProcessId => _process.Id;

    public GrpcChannel Channel => _channel ?? throw new InvalidOperationException("not connected");

    public ProviderClient Provider => new(Channel);

    public GRPCController.GRPCControllerClient Controller => new(Channel);

    public GRPCStdio.GRPCStdioClient Stdio => new(Channel);

    public Health.HealthClient Health => new(Channel);

    public X509Certificate2? ServerCertificate { get; private set; }

    public IReadOnlyList<string> StderrLines => [.. _stderr];

    /// <summary>Anything the plugin wrote to stdout after the handshake line (Terraform drops it; it is a bug).</summary>
    public IReadOnlyList<string> StrayStdoutLines => [.. _strayStdout];

    public bool HasExited => _process.HasExited;

    public static async Task<PluginProcess> StartAsync(PluginLaunchOptions options, CancellationToken cancellationToken)
    {
        var clientCertificate = options.AutoMtls ? ClientCertificate.Create(options.Time) : null;
        var info = new ProcessStartInfo(options.ExecutablePath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = options.WorkingDirectory ?? System.Environment.CurrentDirectory,
        };
        info.Environment.Remove(PluginLaunchOptions.MagicCookieName);
        if (options.MagicCookie is not null)
        {
            info.Environment[PluginLaunchOptions.MagicCookieName] = options.MagicCookie;
        }

        info.Environment["PLUGIN_PROTOCOL_VERSIONS"] = options.ProtocolVersions;
        info.Environment["PLUGIN_MIN_PORT"] = options.MinPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["PLUGIN_MAX_PORT"] = options.MaxPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment.Remove("PLUGIN_CLIENT_CERT");
        if (clientCertificate is not null)
        {
            info.Environment["PLUGIN_CLIENT_CERT"] = ClientCertificate.ToPem(clientCertificate);
        }

        foreach (var (name, value) in options.Environment)
        {
            info.Environment[name] = value;
        }

        var started = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new PluginHandshakeException($"could not start {options.ExecutablePath}");
        var plugin = new PluginProcess(process, clientCertificate, started);
        process.StandardInput.Close();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                plugin._stderr.Enqueue(e.Data);
            }
        };
        process.BeginErrorReadLine();

        try
        {
            await plugin.ReadHandshakeAsync(options.HandshakeTimeout, cancellationToken);
            plugin.Connect();
            return plugin;
        }
        catch
        {
            await plugin.KillAsync();
            throw;
        }
    }

    /// <summary>Runs the executable as a person would, without Terraform's environment, and collects what it says.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunWithoutTerraformAsync(string executablePath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(executablePath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in new[] { PluginLaunchOptions.MagicCookieName, "PLUGIN_PROTOCOL_VERSIONS", "PLUGIN_CLIENT_CERT", "PLUGIN_MIN_PORT", "PLUGIN_MAX_PORT" })
        {
            info.Environment.Remove(name);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {executablePath}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{executablePath} run without the magic cookie did not exit within {timeout.TotalSeconds} s");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// Tries an RPC over a connection that presents <paramref name="certificate"/> (null: no client certificate).
    /// Returns the failure, or null when the plugin served the call (a security hole).
    /// </summary>
    public async Task<Exception?> TryCallWithClientCertificateAsync(X509Certificate2? certificate, CancellationToken cancellationToken)
    {
        using var channel = CreateChannel(certificate);
        try
        {
            await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest { Service = "plugin" }, deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: cancellationToken);
            return null;
        }
        catch (RpcException ex)
        {
            return ex;
        }
    }

    /// <summary>
    /// Closes like Terraform: GRPCController.Shutdown (errors ignored), close the connection, wait 2 s for the
    /// process to exit. Returns how long the exit took; throws when it needed the kill.
    /// </summary>
    public async Task<TimeSpan> ShutdownAsync(CancellationToken cancellationToken)
    {
        _shutDown = true;
        var clock = Stopwatch.StartNew();
        if (_channel is not null)
        {
            try
            {
                await Controller.ShutdownAsync(new Empty(), deadline: DateTime.UtcNow.AddSeconds(2), cancellationToken: cancellationToken);
            }
            catch (RpcException)
            {
                // Terraform ignores the result of Shutdown.
            }

            _channel.Dispose();
            _channel = null;
        }

        using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        grace.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await _process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await KillAsync();
            throw new PluginHandshakeException($"the plugin did not exit within 2 s of GRPCController.Shutdown; Terraform would SIGKILL it. stderr:\n{string.Join('\n', _stderr)}");
        }

        var elapsed = clock.Elapsed;
        if (Handshake.Network == "unix" && File.Exists(Handshake.Address))
        {
            throw new PluginHandshakeException($"the plugin exited but left its socket file {Handshake.Address} behind");
        }

        return elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_shutDown && !_process.HasExited)
        {
            try
            {
                await ShutdownAsync(CancellationToken.None);
            }
            catch (PluginHandshakeException)
            {
                // Already killed; the test that cared has asserted on ShutdownAsync itself.
            }
        }

        _channel?.Dispose();
        await KillAsync();
        _process.Dispose();
        _clientCertificate?.Dispose();
        ServerCertificate?.Dispose();
    }

    public int ExitCode => _process.ExitCode;

    private async Task ReadHandshakeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        string? line;
        try
        {
            line = await _process.StandardOutput.ReadLineAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PluginHandshakeException($"timeout while waiting for plugin to start (no handshake line within {timeout.TotalSeconds} s). stderr:\n{string.Join('\n', _stderr)}");
        }

        HandshakeTime = _started.Elapsed;
        if (line is null)
        {
            await _process.WaitForExitAsync(cancellationToken);
            throw new PluginHandshakeException($"plugin exited before we could connect (exit code {_process.ExitCode}). stderr:\n{string.Join('\n', _stderr)}");
        }

        Handshake = PluginHandshake.Parse(line);
        if ((Handshake.ServerCertificate is null) != (_clientCertificate is null))
        {
            throw new PluginHandshakeException(_clientCertificate is null
                ? "the plugin sent a server certificate although PLUGIN_CLIENT_CERT was not set; it must serve plaintext h2c then"
                : "the plugin sent no server certificate although PLUGIN_CLIENT_CERT was set (AutoMTLS)");
        }

        if (Handshake.ServerCertificate is { } der)
        {
            ServerCertificate = X509CertificateLoader.LoadCertificate(der);
            var problems = ServerCertificateRules.Check(ServerCertificate, DateTimeOffset.UtcNow);
            if (problems.Count > 0)
            {
                throw new PluginHandshakeException("the server certificate would be refused by Terraform: " + string.Join("; ", problems));
            }
        }

        _ = Task.Run(async () =>
        {
            while (await _process.StandardOutput.ReadLineAsync(CancellationToken.None) is { } extra)
            {
                _strayStdout.Enqueue(extra);
            }
        }, CancellationToken.None);
    }

    /// <summary>A plaintext (h2c) channel to a plugin serving at <paramref name="address"/>, as Terraform reattaches in debug mode.</summary>
    public static GrpcChannel ConnectPlaintext(string network, string address)
    {
        var handshake = new PluginHandshake(1, 6, network, address, "grpc", null);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = (_, cancellationToken) => ConnectAsync(handshake, cancellationToken),
        };
        return GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }

    private void Connect() => _channel = CreateChannel(_clientCertificate);

    private GrpcChannel CreateChannel(X509Certificate2? clientCertificate)
    {
        var tls = Handshake.ServerCertificate is not null;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = (_, cancellationToken) => ConnectAsync(Handshake, cancellationToken),
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        };
        if (tls)
        {
            var pinned = Handshake.ServerCertificate!;
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                TargetHost = "localhost",
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                ClientCertificates = clientCertificate is null ? null : [clientCertificate],
                LocalCertificateSelectionCallback = clientCertificate is null ? null : (_, _, _, _, _) => clientCertificate,
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(pinned),
            };
        }

        return GrpcChannel.ForAddress(tls ? "https://localhost" : "http://localhost", new GrpcChannelOptions
        {
            HttpHandler = handler,
            MaxReceiveMessageSize = 256 * 1024 * 1024,
            MaxSendMessageSize = 256 * 1024 * 1024,
            DisposeHttpClient = true,
        });
    }

    private static async ValueTask<Stream> ConnectAsync(PluginHandshake handshake, CancellationToken cancellationToken)
    {
        Socket socket;
        System.Net.EndPoint endPoint;
        if (handshake.Network == "unix")
        {
            socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            endPoint = new UnixDomainSocketEndPoint(handshake.Address);
        }
        else
        {
            socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            endPoint = System.Net.IPEndPoint.Parse(handshake.Address);
        }

        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task KillAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
    }
}
