using System.Threading.Channels;
using Widemesh.Platform.Configuration;

namespace Widemesh.Platform.Dns;

/// <summary>
/// Publishes the zone's environment records to an external primary server (<c>--dns-update</c>) with RFC 2136.
/// At start it sends every host (a full reconcile) and lists the server's zone (AXFR) to delete the records of
/// environments that were deleted while meshd could not reach it; afterwards, every host whose records change. Pending host
/// names are a bounded, de-duplicated set: a name changed again before it is sent is sent once, with its latest
/// records, read from the zone snapshot at send time. A failed exchange keeps its names pending and is retried
/// with exponential backoff; failures are logged (never the key) and reported by <see cref="ExternalDnsHealth"/>.
/// </summary>
internal sealed class ExternalDnsUpdater(DnsZone zone, PlatformOptions options, ExternalDnsHealth health, TimeProvider time, ILogger<ExternalDnsUpdater> logger)
    : BackgroundService
{
    public const int MaxPending = 10_000;
    private const int BatchSize = 32;
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private int _inFlight;
    private bool _overflowed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.DnsUpdate is not { } update)
        {
            return;
        }

        var sender = new DnsUpdateSender(update, time);
        var lister = new DnsZoneLister(update, options.Zone, time);
        var (pruneDue, pruneAfterSuccess) = (true, false);
        zone.HostChanged += Enqueue;
        var hosts = zone.Snapshot.Hosts.Keys.ToList();
        Log.ExternalDnsReconciling(logger, update.Server, update.Zone, hosts.Count, update.Key.Name);
        foreach (var host in hosts)
        {
            Enqueue(host);
        }

        var failures = 0;
        string? lastRcode = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (pruneDue)
                {
                    pruneDue = false;
                    pruneAfterSuccess = !await PruneAsync(lister, update, stoppingToken);
                }

                var batch = Take();
                if (batch.Count == 0)
                {
                    await _wake.Reader.ReadAsync(stoppingToken);
                    continue;
                }

                DnsUpdateOutcome outcome;
                try
                {
                    outcome = await sender.SendAsync(batch, zone.Snapshot, zone.Ttl, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    outcome = new DnsUpdateOutcome(false, "ERROR", $"update of zone {update.Zone} at {update.Server}: {exception.GetType().Name}: {exception.Message}");
                }

                if (outcome.Succeeded)
                {
                    health.Succeeded(Finish(batch, failed: false));
                    if (failures > 0)
                    {
                        Log.ExternalDnsRecovered(logger, update.Server, update.Zone, failures);
                    }

                    Log.ExternalDnsUpdated(logger, update.Server, batch.Count);
                    failures = 0;
                    lastRcode = null;
                    (pruneDue, pruneAfterSuccess) = (pruneAfterSuccess, false);
                    continue;
                }

                health.Failed(outcome, Finish(batch, failed: true));
                failures++;
                var retry = TimeSpan.FromTicks(Math.Min(MaxRetry.Ticks, FirstRetry.Ticks << Math.Min(failures - 1, 16)));
                if (outcome.Rcode != lastRcode)
                {
                    Log.ExternalDnsFailed(logger, outcome.Rcode, outcome.Message, retry.TotalSeconds);
                }
                else
                {
                    Log.ExternalDnsStillFailing(logger, outcome.Rcode, failures, retry.TotalSeconds);
                }

                lastRcode = outcome.Rcode;
                await Task.Delay(retry, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still pending is sent by the reconcile at the next start.
        }
        finally
        {
            zone.HostChanged -= Enqueue;
        }
    }

    /// <summary>Queues the deletion of host names the server has and meshd does not. False when the server could not be reached (try again later).</summary>
    private async Task<bool> PruneAsync(DnsZoneLister lister, DnsUpdateOptions update, CancellationToken cancellationToken)
    {
        var (names, failure) = await lister.ListAsync(cancellationToken);
        if (failure is not null)
        {
            var unreachable = failure.Rcode is "TIMEOUT" or "NETWORK";
            Log.ExternalDnsCannotList(logger, update.Server, update.Zone, failure.Rcode, failure.Message, update.Key.Name);
            return !unreachable;
        }

        var hosts = zone.Snapshot.Hosts;
        var stale = names!.Where(n => !hosts.ContainsKey(n)).ToList();
        Log.ExternalDnsListed(logger, update.Server, names!.Count, stale.Count);
        foreach (var name in stale)
        {
            Enqueue(name);
        }

        return true;
    }

    private void Enqueue(string hostname)
    {
        lock (_gate)
        {
            if (_pending.Count >= MaxPending && !_pending.Contains(hostname))
            {
                // Bounded: past the cap, the next batch becomes a full reconcile of the zone's current hosts.
                _overflowed = true;
            }
            else
            {
                _pending.Add(hostname);
            }

            health.SetPending(_pending.Count + _inFlight);
        }

        _wake.Writer.TryWrite(true);
    }

    private List<string> Take()
    {
        lock (_gate)
        {
            if (_overflowed && _pending.Count == 0)
            {
                _overflowed = false;
                Log.ExternalDnsOverflow(logger, MaxPending);
                foreach (var host in zone.Snapshot.Hosts.Keys.Take(MaxPending))
                {
                    _pending.Add(host);
                }
            }

            var batch = _pending.Take(BatchSize).ToList();
            foreach (var host in batch)
            {
                _pending.Remove(host);
            }

            _inFlight = batch.Count;
            return batch;
        }
    }

    /// <summary>Ends an exchange: a failed batch goes back to pending. Returns the number pending.</summary>
    private int Finish(List<string> batch, bool failed)
    {
        lock (_gate)
        {
            if (failed)
            {
                foreach (var host in batch)
                {
                    _pending.Add(host);
                }
            }

            _inFlight = 0;
            return _pending.Count;
        }
    }
}
