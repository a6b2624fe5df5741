using Widemesh.Sdk.Client;

namespace Widemesh.Cli.Tests.Commands.Env;

/// <summary>Polls an environment's racks in the background and keeps every distinct list it saw, in order.</summary>
internal sealed class RackWatcher : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<string> _seen = [];
    private readonly WidemeshClient _client;
    private readonly string _environment;
    private bool _stopped;

    public RackWatcher(WidemeshClient client, string environment)
    {
        (_client, _environment) = (client, environment);
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    await PollAsync(_stop.Token);
                    await Task.Delay(20, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
    }

    /// <summary>The rack lists seen so far, each as <c>a,b</c> (an empty string would mean no rack at all).</summary>
    public IReadOnlyList<string> Seen
    {
        get
        {
            lock (_seen)
            {
                return [.. _seen];
            }
        }
    }

    /// <summary>Stops polling after one last look, and returns every rack list seen.</summary>
    public async Task<IReadOnlyList<string>> StopAsync(CancellationToken cancellationToken)
    {
        if (!_stopped)
        {
            _stopped = true;
            await _stop.CancelAsync();
            await _loop;
            await PollAsync(cancellationToken);
        }

        return Seen;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _stop.CancelAsync();
            await _loop;
        }

        _stop.Dispose();
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        var racks = string.Join(',', (await _client.GetEnvironmentAsync(_environment, cancellationToken))?.Racks ?? []);
        lock (_seen)
        {
            if (_seen.Count == 0 || _seen[^1] != racks)
            {
                _seen.Add(racks);
            }
        }
    }
}
