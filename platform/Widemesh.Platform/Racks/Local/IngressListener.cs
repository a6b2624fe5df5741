using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Widemesh.Platform.Racks.Local;

/// <summary>
/// A stack's public port on the rack's ingress address, in meshd's own network namespace. Every accepted TCP
/// connection is forwarded to a serving instance (round robin), through a socket made inside the environment's
/// namespace. With no serving instance the connection waits up to 5 s for one (an instance restarting), then closes.
/// A port another process holds is retried every 5 s and reported in <see cref="Problem"/>.
/// </summary>
internal sealed class IngressListener : IAsyncDisposable
{
    private static readonly TimeSpan WaitForInstance = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RetryBind = TimeSpan.FromSeconds(5);

    private readonly LocalEnvironmentContext _context;
    private readonly IPEndPoint _endPoint;
    private readonly Func<IReadOnlyList<LocalInstance>> _instances;
    private readonly CancellationTokenSource _closing = new();
    private readonly Task _run;
    private int _next;
    private Socket? _bound;

    public IngressListener(LocalEnvironmentContext context, IPEndPoint endPoint, Func<IReadOnlyList<LocalInstance>> instances)
    {
        _context = context;
        _endPoint = endPoint;
        _instances = instances;

        // The first bind happens before the constructor returns, so once a placement is done the port listens:
        // meshd points DNS at a new rack only after that. Later attempts (a port held by another process) run in the loop.
        _bound = TryListen();
        _run = Task.Run(() => RunAsync(_closing.Token));
    }

    public IPEndPoint EndPoint => _endPoint;

    private Socket? TryListen()
    {
        var socket = new Socket(_endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            Listen(socket);
            return socket;
        }
        catch (SocketException)
        {
            // Reported and retried by the loop.
            socket.Dispose();
            return null;
        }
    }

    private void Listen(Socket socket)
    {
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        socket.Bind(_endPoint);
        socket.Listen(512);
    }

    /// <summary>Why the public port does not answer, when it does not.</summary>
    public string? Problem { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        await _run;
        Interlocked.Exchange(ref _bound, null)?.Dispose();
        _closing.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            using var listener = Interlocked.Exchange(ref _bound, null) ?? new Socket(_endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                if (!listener.IsBound)
                {
                    Listen(listener);
                }

                Problem = null;
            }
            catch (SocketException exception)
            {
                var problem = exception.SocketErrorCode == SocketError.AddressAlreadyInUse
                    ? $"public port {_endPoint.Port.ToString(CultureInfo.InvariantCulture)} on the rack's ingress {_endPoint.Address} is already in use by another process: stop that process or pick another publicPort"
                    : $"cannot listen on the rack's ingress {_endPoint}: {exception.Message}";
                if (problem != Problem)
                {
                    LocalRuntimeLog.IngressProblem(_context.Logger, _endPoint.ToString(), _context.EnvironmentName, problem);
                }

                Problem = problem;
                try
                {
                    await Task.Delay(RetryBind, _context.Time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            var connections = new List<Task>();
            try
            {
                while (true)
                {
                    var client = await listener.AcceptAsync(cancellationToken);
                    connections.RemoveAll(t => t.IsCompleted);
                    connections.Add(ForwardAsync(client, cancellationToken));
                }
            }
            catch (OperationCanceledException)
            {
                // Closing.
            }
            catch (SocketException)
            {
                // The listener broke: listen again.
            }

            await Task.WhenAll(connections);
        }
    }

    private async Task ForwardAsync(Socket client, CancellationToken cancellationToken)
    {
        await Task.Yield();
        using (client)
        {
            try
            {
                var target = await PickAsync(cancellationToken);
                if (target is null)
                {
                    return;
                }

                using var upstream = await _context.Sockets.CreateAsync(_context.Namespace, cancellationToken);
                using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    connectTimeout.CancelAfter(TimeSpan.FromSeconds(5));
                    await upstream.ConnectAsync(new IPEndPoint(IPAddress.Parse(target.Host), target.Component.Port!.Value), connectTimeout.Token);
                }

                client.NoDelay = true;
                upstream.NoDelay = true;
                await using var clientStream = new NetworkStream(client, ownsSocket: false);
                await using var upstreamStream = new NetworkStream(upstream, ownsSocket: false);
                await Task.WhenAll(PipeAsync(clientStream, upstream, cancellationToken), PipeAsync(upstreamStream, client, cancellationToken));
            }
            catch (Exception exception)
            {
                // One connection's failure never stops the listener.
                LocalRuntimeLog.IngressConnectionFailed(_context.Logger, exception, _endPoint.ToString());
            }
        }
    }

    /// <summary>Copies one direction, then passes the end of stream on (half-close), so request-then-close clients work.</summary>
    private static async Task PipeAsync(NetworkStream from, Socket to, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, cancellationToken);
            }

            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception exception) when (exception is SocketException or IOException or ObjectDisposedException)
        {
            // One side went away: end both.
            try
            {
                to.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException)
            {
                // Already closed.
            }
        }
    }

    private async Task<LocalInstance?> PickAsync(CancellationToken cancellationToken)
    {
        var waited = _context.Time.GetTimestamp();
        while (true)
        {
            var serving = _instances().Where(i => i.IsServing).ToList();
            if (serving.Count > 0)
            {
                var next = (int)((uint)Interlocked.Increment(ref _next) % (uint)serving.Count);
                return serving[next];
            }

            if (_context.Time.GetElapsedTime(waited) > WaitForInstance)
            {
                return null;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), _context.Time, cancellationToken);
        }
    }
}
