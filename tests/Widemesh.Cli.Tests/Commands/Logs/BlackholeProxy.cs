using System.Net;
using System.Net.Sockets;

namespace Widemesh.Cli.Tests.Commands.Logs;

/// <summary>
/// A TCP proxy on a loopback port in front of meshd. <see cref="BlackholeOpenConnections"/> makes every connection
/// open at that moment silent (bytes are swallowed, nothing is closed), as a dead NAT entry or a pulled cable would;
/// connections made afterwards are forwarded normally.
/// </summary>
internal sealed class BlackholeProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(TcpClient Client, TcpClient Upstream, CancellationTokenSource Pump)> _connections = [];
    private readonly Task _accepting;

    public BlackholeProxy(Uri target)
    {
        _target = new IPEndPoint(IPAddress.Parse(target.Host), target.Port);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri Endpoint => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public int Connections { get; private set; }

    /// <summary>Stops forwarding on every open connection, leaving the sockets open.</summary>
    public void BlackholeOpenConnections()
    {
        lock (_connections)
        {
            foreach (var connection in _connections)
            {
                connection.Pump.Cancel();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        lock (_connections)
        {
            foreach (var (client, upstream, pump) in _connections)
            {
                pump.Cancel();
                client.Dispose();
                upstream.Dispose();
                pump.Dispose();
            }
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var upstream = new TcpClient();
            await upstream.ConnectAsync(_target, _stop.Token);
            var pump = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            lock (_connections)
            {
                _connections.Add((client, upstream, pump));
                Connections++;
            }

            _ = PumpAsync(client.GetStream(), upstream.GetStream(), pump.Token);
            _ = PumpAsync(upstream.GetStream(), client.GetStream(), pump.Token);
        }
    }

    /// <summary>Copies bytes until cancelled; after that, reads are swallowed so the peer sees silence, not a close.</summary>
    private static async Task PumpAsync(Stream from, Stream to, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, cancellationToken);
                if (read == 0)
                {
                    to.Dispose();
                    return;
                }

                await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Blackholed or closed: stop forwarding without closing anything.
        }
    }
}
