using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Widemesh.Platform.Racks.Local;

/// <summary>
/// How an instance becomes <c>healthy</c> or <c>running</c>. With a health check: <c>GET path</c> answering 2xx or 3xx,
/// every 100 ms until the first success, then every <c>intervalSeconds</c>; two failures in a row make it
/// <c>unhealthy</c>, and so does no success within <c>graceSeconds</c>. With a port but no health check: running once
/// the port accepts a connection. Without a port: running as soon as it starts.
/// </summary>
internal sealed partial class LocalInstance
{
    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        if (Component.Port is not { } port)
        {
            SetState(InstanceStates.Running, null);
            return;
        }

        var check = Component.HealthCheck;
        var grace = TimeSpan.FromSeconds(check?.GraceSeconds ?? 60);
        var interval = TimeSpan.FromSeconds(check?.IntervalSeconds ?? 2);
        var started = _context.Time.GetTimestamp();
        var everAnswered = false;
        var failures = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var problem = check is null ? await ConnectProblemAsync(port, cancellationToken) : await HealthProblemAsync(port, check.Path, TimeSpan.FromSeconds(check.TimeoutSeconds), cancellationToken);
                cancellationToken.ThrowIfCancellationRequested();
                if (problem is null)
                {
                    everAnswered = true;
                    failures = 0;
                    SetState(check is null ? InstanceStates.Running : InstanceStates.Healthy, null);
                    if (check is null)
                    {
                        return;
                    }
                }
                else if (!everAnswered && _context.Time.GetElapsedTime(started) > grace)
                {
                    SetState(InstanceStates.Unhealthy, WithLastOutput(check is null
                        ? $"does not accept connections on {Host}:{port} after {grace.TotalSeconds:0} s ({problem}): make it listen on $HOST:$PORT"
                        : $"did not answer GET {check.Path} with 2xx or 3xx within the grace of {grace.TotalSeconds:0} s ({problem})"));
                }
                else if (everAnswered && ++failures >= 2)
                {
                    SetState(InstanceStates.Unhealthy, $"GET {check!.Path} failed twice in a row ({problem})");
                }

                var wait = everAnswered || _context.Time.GetElapsedTime(started) > grace ? interval : _context.Settings.StartingProbeInterval;
                await Task.Delay(wait, _context.Time, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The process exited or the instance stops.
        }
    }

    private string WithLastOutput(string message) =>
        Output.LastLines is { Count: > 0 } lines ? $"{message}; last output: {string.Join(" | ", lines)}" : message;

    private void SetState(string state, string? message)
    {
        lock (_gate)
        {
            if (_state != InstanceStates.Crashed && _state != InstanceStates.Stopped)
            {
                _state = state;
                _message = message;
            }
        }
    }

    private async Task<string?> ConnectProblemAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            using var socket = await _context.Sockets.CreateAsync(_context.Namespace, cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(1));
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Parse(Host), port), timeout.Token);
            return null;
        }
        catch (SocketException exception)
        {
            return exception.SocketErrorCode == SocketError.ConnectionRefused ? "connection refused" : exception.Message;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "connect timed out";
        }
    }

    private async Task<string?> HealthProblemAsync(int port, string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var uri = new Uri($"http://{Host}:{port.ToString(CultureInfo.InvariantCulture)}{path}");
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            using var response = await _context.Health.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var status = (int)response.StatusCode;
            return status is >= 200 and < 400 ? null : $"answered {status.ToString(CultureInfo.InvariantCulture)}";
        }
        catch (HttpRequestException exception)
        {
            return exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused } ? "connection refused" : exception.Message;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {timeout.TotalSeconds:0} s";
        }
    }
}
