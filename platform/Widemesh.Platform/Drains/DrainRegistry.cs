using System.Security.Cryptography;
using Widemesh.Platform.Configuration;
using Widemesh.Platform.Dns;
using Widemesh.Platform.Logs;
using Widemesh.Platform.Store;

namespace Widemesh.Platform.Drains;

/// <summary>
/// Every environment's log drains: kept in JSON files under <c>&lt;data-dir&gt;/drains/</c> (see <see cref="DrainFiles"/>)
/// and each served by a running <see cref="DrainForwarder"/> while meshd runs. The drains of an environment that
/// was deleted are removed when its forwarders notice that its logs are gone.
/// </summary>
internal sealed class DrainRegistry : IHostedService, IAsyncDisposable
{
    public const int MaxPerEnvironment = 5;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, DrainForwarder> _forwarders = new(StringComparer.Ordinal);
    private readonly DrainFiles _files;
    private readonly LogStore _logs;
    private readonly DnsZone _zone;
    private readonly IPlatformStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<DrainForwarder> _logger;
    private int _disposed;
    private bool _stopped;

    public DrainRegistry(PlatformOptions options, LogStore logs, DnsZone zone, IPlatformStore store, TimeProvider time, ILogger<DrainForwarder> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _files = new DrainFiles(Path.Combine(options.DataDirectory, "drains"));
        _logs = logs;
        _zone = zone;
        _store = store;
        _time = time;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var record in _files.LoadAll((path, exception) => DrainLog.FileDamaged(_logger, path, exception)))
            {
                StartForwarder(record);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        List<DrainForwarder> running;
        lock (_forwarders)
        {
            _stopped = true;
            running = [.. _forwarders.Values];
            _forwarders.Clear();
        }

        foreach (var forwarder in running)
        {
            await forwarder.DisposeAsync();
        }
    }

    /// <summary>Stops the forwarders if the host did not (a failed start); the container may call this more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await StopAsync(CancellationToken.None);
        }
    }

    /// <summary>The drains of an environment with their status, oldest first.</summary>
    public IReadOnlyList<(DrainRecord Record, DrainStatus Status)> List(string environmentId)
    {
        lock (_forwarders)
        {
            return [.. _forwarders.Values.Where(f => f.Record.EnvironmentId == environmentId).OrderBy(f => f.Record.CreatedAt).Select(f => (f.Record, f.Status))];
        }
    }

    /// <summary>Adds a drain that forwards the lines written from now on; null when the environment has too many.</summary>
    public async Task<(DrainRecord Record, DrainStatus Status)?> AddAsync(StoredEnvironment environment, DrainEndpoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(endpoint);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var existing = Records(environment.Id);
            if (existing.Count >= MaxPerEnvironment)
            {
                return null;
            }

            var range = await _logs.DescribeAsync(environment.Id, cancellationToken);
            var record = new DrainRecord(
                "drn_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
                environment.Id,
                environment.Name,
                environment.AccountId,
                endpoint.ToUrl(),
                _time.GetUtcNow(),
                1,
                range.LastSequence);
            await _files.SaveProgressAsync(record.Id, new DrainProgress(record.StartAfterSequence, 0), cancellationToken);
            await _files.SaveEnvironmentAsync(environment.Id, [.. existing, record], cancellationToken);
            var forwarder = StartForwarder(record);
            return (record, forwarder.Status);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops and removes a drain; false when the environment has no such drain.</summary>
    public async Task<bool> RemoveAsync(string environmentId, string drainId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            DrainForwarder? forwarder;
            lock (_forwarders)
            {
                if (!_forwarders.TryGetValue(drainId, out forwarder) || forwarder.Record.EnvironmentId != environmentId)
                {
                    return false;
                }

                _forwarders.Remove(drainId);
            }

            await forwarder.DisposeAsync();
            await _files.SaveEnvironmentAsync(environmentId, Records(environmentId), cancellationToken);
            _files.DeleteProgress(drainId);
            DrainLog.Removed(_logger, drainId, forwarder.Record.EnvironmentName);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private List<DrainRecord> Records(string environmentId)
    {
        lock (_forwarders)
        {
            return [.. _forwarders.Values.Select(f => f.Record).Where(r => r.EnvironmentId == environmentId).OrderBy(r => r.CreatedAt)];
        }
    }

    private DrainForwarder StartForwarder(DrainRecord record)
    {
        var forwarder = new DrainForwarder(record, _zone.HostnameOf(record.EnvironmentName), _files, _logs, EnvironmentGoneAsync, _time, _logger);
        lock (_forwarders)
        {
            _forwarders[record.Id] = forwarder;
            if (_stopped)
            {
                // meshd is stopping: the drain is kept on disk and starts with the next meshd.
                return forwarder;
            }
        }

        forwarder.Start();
        return forwarder;
    }

    /// <summary>
    /// Called by a forwarder whose follow ended. When the environment no longer exists (or its name now belongs to a
    /// new one), its drains are removed and true tells the forwarder to end.
    /// </summary>
    private async Task<bool> EnvironmentGoneAsync(DrainRecord record, CancellationToken cancellationToken)
    {
        var environment = await _store.GetEnvironmentAsync(record.AccountId, record.EnvironmentName, cancellationToken);
        if (environment?.Id == record.EnvironmentId)
        {
            return false;
        }

        // Removed in the background: the forwarder that asks cannot wait for its own end.
        _ = Task.Run(() => RemoveAsync(record.EnvironmentId, record.Id, CancellationToken.None), CancellationToken.None);
        return true;
    }
}
