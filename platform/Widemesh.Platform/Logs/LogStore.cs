using System.Collections.Concurrent;
using System.IO.Pipelines;
using Microsoft.Extensions.Logging;

namespace Widemesh.Platform.Logs;

/// <summary>
/// The embedded log store: one <see cref="LogEnvironmentStore"/> per environment id under
/// <see cref="LogStoreOptions.Directory"/>, opened on first use. Entries are ordered by received time, then by
/// sequence number; both grow together, so the order of one environment's racks interleaved is the write order.
/// </summary>
internal sealed class LogStore : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<LogEnvironmentStore>> _environments = new(StringComparer.Ordinal);
    private readonly ILogger<LogStore> _logger;

    public LogStore(LogStoreOptions options, TimeProvider time, ILogger<LogStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Time = time;
        _logger = logger;
    }

    public LogStoreOptions Options { get; }

    public TimeProvider Time { get; }

    /// <summary>Writes a batch, waiting while the environment's queue is full; completes once the batch is acknowledged.</summary>
    public Task<LogAppendResult> AppendAsync(string environmentId, IReadOnlyList<LogDraft> drafts, CancellationToken cancellationToken) =>
        Get(environmentId).AppendAsync(LogPendingBatch.Of(drafts), cancellationToken);

    /// <summary>
    /// Queues raw output of one source as one batch, waiting while the queue is full; the task it returns completes
    /// once the batch is written. A caller can so cut the next batch into lines while the writer writes this one.
    /// </summary>
    public Task<Task<LogAppendResult>> QueueAsync(string environmentId, LogOutput output, CancellationToken cancellationToken) =>
        Get(environmentId).QueueAsync(LogPendingBatch.Of(output), cancellationToken);

    /// <summary>Writes a batch (parsed entries or raw output) unless the queue stays full for <paramref name="wait"/>; null means "try again later".</summary>
    public Task<LogAppendResult?> TryAppendAsync(string environmentId, LogPendingBatch batch, TimeSpan wait, CancellationToken cancellationToken) =>
        Get(environmentId).TryAppendAsync(batch, wait, cancellationToken);

    /// <summary>Streams the entries that match, oldest first; with <see cref="LogQuery.Follow"/> it then goes on with new ones.</summary>
    public IAsyncEnumerable<LogEntry> QueryAsync(string environmentId, LogQuery query, CancellationToken cancellationToken)
    {
        var (since, until) = Window(query);
        return Get(environmentId).ReadAsync(query, since, until, cancellationToken);
    }

    /// <summary>Same as <see cref="QueryAsync"/>, written as NDJSON to <paramref name="output"/> without decoding entries into objects.</summary>
    public Task WriteNdjsonAsync(string environmentId, LogQuery query, PipeWriter output, CancellationToken cancellationToken)
    {
        var (since, until) = Window(query);
        return LogNdjsonWriter.WriteAsync(Get(environmentId), query, since, until, output, Time, cancellationToken);
    }

    /// <summary>
    /// The received time of the oldest kept entry, the newest sequence number, and whether retention dropped entries
    /// (the oldest kept is not the environment's first, <c>seq</c> 1), which is what makes "oldest line is N old" true.
    /// </summary>
    public async Task<LogRange> DescribeAsync(string environmentId, CancellationToken cancellationToken)
    {
        var environment = Get(environmentId);
        var last = environment.CommittedSequence;
        var cutoff = (Time.GetUtcNow() - Options.MaxAge).UtcTicks;
        await foreach (var entry in environment.ReadAsync(new LogQuery(), cutoff, long.MaxValue, cancellationToken))
        {
            return new LogRange(entry.ReceivedAt, last, entry.Sequence > 1);
        }

        return new LogRange(null, last, last > 0);
    }

    /// <summary>Deletes every log of the environment; followers end their answer.</summary>
    public async Task DeleteEnvironmentAsync(string environmentId, CancellationToken cancellationToken)
    {
        var directory = DirectoryOf(environmentId);
        var environment = Get(environmentId);
        _environments.TryRemove(environmentId, out _);
        await environment.DeleteAsync(cancellationToken);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Applies the age and size limits to every environment on disk.</summary>
    public void ApplyRetention()
    {
        if (Directory.Exists(Options.Directory))
        {
            foreach (var directory in Directory.EnumerateDirectories(Options.Directory))
            {
                var id = Path.GetFileName(directory);
                if (IsValidId(id))
                {
                    Get(id).ApplyRetention();
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var environment in _environments.Values.Where(lazy => lazy.IsValueCreated))
        {
            await environment.Value.CloseAsync(CancellationToken.None);
        }

        _environments.Clear();
    }

    internal LogEnvironmentStore Get(string environmentId)
    {
        if (!IsValidId(environmentId))
        {
            throw new ArgumentException($"'{environmentId}' is not an environment id: use 1-64 lowercase letters, digits, '_' or '-'.", nameof(environmentId));
        }

        return _environments.GetOrAdd(
            environmentId,
            id => new Lazy<LogEnvironmentStore>(() => LogEnvironmentStore.Open(id, DirectoryOf(id), Options, Time, _logger))).Value;
    }

    /// <summary>The received-time window of a query in UTC ticks; the age limit always applies.</summary>
    private (long Since, long Until) Window(LogQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = Time.GetUtcNow();
        var cutoff = (now - Options.MaxAge).UtcTicks;
        var since = query.AfterSequence is null ? (query.Since ?? now - Options.DefaultSince).UtcTicks : cutoff;
        return (Math.Max(since, cutoff), query.Until?.UtcTicks ?? long.MaxValue);
    }

    private static bool IsValidId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-');

    private string DirectoryOf(string environmentId) => Path.Combine(Options.Directory, environmentId);
}
