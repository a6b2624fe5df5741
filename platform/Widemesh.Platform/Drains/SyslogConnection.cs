using System.Net.Sockets;

namespace Widemesh.Platform.Drains;

/// <summary>
/// An open connection to a syslog server. A syslog server never sends anything back, so a read that ends means
/// the server closed the connection: <see cref="Closed"/> completes then, before anything more is written into it.
/// </summary>
internal sealed class SyslogConnection : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly CancellationTokenSource _stop = new();

    public SyslogConnection(TcpClient client, Stream stream)
    {
        _client = client;
        Stream = stream;
        Closed = WatchAsync(_stop.Token);
    }

    public Stream Stream { get; }

    public Task Closed { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Stream.DisposeAsync();
        _client.Dispose();
        await Closed;
        _stop.Dispose();
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        var scratch = new byte[512];
        try
        {
            while (await Stream.ReadAsync(scratch, cancellationToken) > 0)
            {
                // Ignore anything a server sends.
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
            // Closed, reset or stopped: all mean the connection is over.
        }
    }
}
