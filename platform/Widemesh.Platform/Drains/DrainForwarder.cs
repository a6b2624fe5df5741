using System.Buffers;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using Widemesh.Platform.Logs;

namespace Widemesh.Platform.Drains;

/// <summary>
/// Sends one environment's logs to one syslog server. It follows the log store from the persisted cursor (so a
/// restart of meshd neither loses nor repeats lines), writes octet-counted RFC 5424 messages in batches of what is
/// ready, and persists the cursor after each batch has been written to the connection. When the server is down or
/// closes the connection it reconnects with a doubling delay (0.25 s up to 5 s) and resends from the cursor.
/// Plain syslog over TCP has no acknowledgement: a batch written in the instant the server dies can be lost.
/// </summary>
internal sealed class DrainForwarder : IAsyncDisposable
{
    private const int BatchBytes = 64 * 1024;

    private static readonly TimeSpan MinDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    private readonly DrainEndpoint _endpoint;
    private readonly string _hostname;
    private readonly DrainFiles _files;
    private readonly LogStore _logs;
    private readonly Func<DrainRecord, CancellationToken, Task<bool>> _environmentGoneAsync;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private DrainProgress _progress;
    private bool _connected;
    private string? _lastError;
    private DateTimeOffset? _lastErrorAt;
    private Task _run = Task.CompletedTask;

    public DrainForwarder(
        DrainRecord record,
        string hostname,
        DrainFiles files,
        LogStore logs,
        Func<DrainRecord, CancellationToken, Task<bool>> environmentGoneAsync,
        TimeProvider time,
        ILogger logger)
    {
        Record = record;
        _endpoint = DrainEndpoint.TryParse(record.Url, out _) ?? throw new ArgumentException($"Drain {record.Id} has an invalid url.", nameof(record));
        _hostname = hostname;
        _files = files;
        _logs = logs;
        _environmentGoneAsync = environmentGoneAsync;
        _time = time;
        _logger = logger;
        _progress = files.LoadProgress(record.Id) ?? new DrainProgress(record.StartAfterSequence, 0);
    }

    public DrainRecord Record { get; }

    public DrainStatus Status
    {
        get
        {
            lock (_gate)
            {
                return new DrainStatus(_progress.Cursor, _progress.Forwarded, _connected, _lastError, _lastErrorAt);
            }
        }
    }

    public void Start() => _run = Task.Run(() => RunAsync(_stop.Token));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _run;
        }
        catch (OperationCanceledException)
        {
            // Stopped while it was waiting or sending.
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var delay = MinDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using (var connection = await ConnectAsync(cancellationToken))
                {
                    SetConnected(true, null);
                    delay = MinDelay;
                    DrainLog.Connected(_logger, Record.Id, Record.EnvironmentName, Record.Url);
                    await PumpAsync(connection, cancellationToken);
                }

                SetConnected(false, null);

                // The follow ended: the environment's logs were deleted.
                if (await _environmentGoneAsync(Record, cancellationToken))
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is SocketException or IOException or AuthenticationException or TimeoutException)
            {
                SetConnected(false, exception.Message);
                DrainLog.SendFailed(_logger, Record.Id, Record.EnvironmentName, Record.Url, exception.Message, delay);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                SetConnected(false, exception.Message);
                DrainLog.Crashed(_logger, Record.Id, exception);
            }

            if (await _environmentGoneAsync(Record, cancellationToken))
            {
                return;
            }

            await Task.Delay(delay, _time, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
        }
    }

    private async Task<SyslogConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        var client = new TcpClient { NoDelay = true };
        try
        {
            try
            {
                await client.ConnectAsync(_endpoint.Host, _endpoint.Port, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"no connection within {ConnectTimeout.TotalSeconds} s");
            }

            Stream stream = client.GetStream();
            if (_endpoint.Tls)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = tls;
                await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = _endpoint.Host }, timeout.Token);
            }

            return new SyslogConnection(client, stream);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private async Task PumpAsync(SyslogConnection connection, CancellationToken cancellationToken)
    {
        using var pump = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var buffer = new ArrayBufferWriter<byte>(BatchBytes * 2);
        long pendingCursor = 0;
        var pendingCount = 0;
        var query = new LogQuery { AfterSequence = _progress.Cursor, Follow = true };
        await using var entries = _logs.QueryAsync(Record.EnvironmentId, query, pump.Token).GetAsyncEnumerator(pump.Token);
        while (true)
        {
            var move = entries.MoveNextAsync();
            if (pendingCount > 0 && (!move.IsCompleted || buffer.WrittenCount >= BatchBytes))
            {
                await SendAsync(connection, buffer, pendingCursor, pendingCount, cancellationToken);
                pendingCount = 0;
            }

            bool more;
            if (move.IsCompleted)
            {
                more = await move;
            }
            else
            {
                // Wait for the next line, but notice a server that goes away while the environment is quiet.
                var waiting = move.AsTask();
                if (await Task.WhenAny(waiting, connection.Closed) != waiting)
                {
                    await pump.CancelAsync();
                    await waiting.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                    throw new IOException("the server closed the connection");
                }

                more = await waiting;
            }

            if (!more)
            {
                if (pendingCount > 0)
                {
                    await SendAsync(connection, buffer, pendingCursor, pendingCount, cancellationToken);
                }

                return;
            }

            SyslogFormatter.WriteFramed(entries.Current, _hostname, buffer);
            pendingCursor = entries.Current.Sequence;
            pendingCount++;
        }
    }

    private async Task SendAsync(SyslogConnection connection, ArrayBufferWriter<byte> buffer, long cursor, int count, CancellationToken cancellationToken)
    {
        if (connection.Closed.IsCompleted)
        {
            throw new IOException("the server closed the connection");
        }

        await connection.Stream.WriteAsync(buffer.WrittenMemory, cancellationToken);
        await connection.Stream.FlushAsync(cancellationToken);
        buffer.ResetWrittenCount();
        DrainProgress next;
        lock (_gate)
        {
            next = _progress = new DrainProgress(cursor, _progress.Forwarded + count);
        }

        await _files.SaveProgressAsync(Record.Id, next, cancellationToken);
    }

    private void SetConnected(bool connected, string? error)
    {
        lock (_gate)
        {
            _connected = connected;
            if (error is not null)
            {
                _lastError = error;
                _lastErrorAt = _time.GetUtcNow();
            }
            else if (connected)
            {
                _lastError = null;
                _lastErrorAt = null;
            }
        }
    }
}
