namespace Widemesh.Platform.Logs;

/// <summary>
/// The ways into the store. The local rack runtime calls <see cref="AppendOutputAsync"/> with what an instance
/// printed; it waits while the environment's queue is full, which in turn slows the pipe of the instance
/// (back-pressure, never unbounded buffering). HTTP ingest uses <see cref="TryIngestAsync"/>, which gives up after
/// <see cref="LogStoreOptions.IngestQueueWait"/> so the API can answer 503 with Retry-After.
/// </summary>
internal sealed class LogIngestor(LogStore store)
{
    private const int MaxBatchBytes = 1024 * 1024;

    /// <summary>Stores complete lines of output (a missing final newline is fine) and completes once they are acknowledged.</summary>
    public async Task<LogAppendResult> AppendOutputAsync(
        string environmentId, LogSourceRef source, LogStream stream, ReadOnlyMemory<byte> output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        LogAppendResult? first = null;
        LogAppendResult? last = null;
        while (!output.IsEmpty)
        {
            var take = output.Length <= MaxBatchBytes ? output.Length : CutAfterNewline(output.Span);
            last = await store.AppendAsync(environmentId, new LogOutput(source, stream, output[..take]), cancellationToken);
            first ??= last;
            output = output[take..];
        }

        return first is null || last is null
            ? new LogAppendResult(store.Get(environmentId).CommittedSequence + 1, store.Get(environmentId).CommittedSequence)
            : new LogAppendResult(first.FirstSequence, last.LastSequence);
    }

    /// <summary>Stores checked drafts; null when the queue stayed full (the caller should retry later).</summary>
    public Task<LogAppendResult?> TryIngestAsync(string environmentId, IReadOnlyList<LogDraft> drafts, CancellationToken cancellationToken) =>
        store.TryAppendAsync(environmentId, drafts, store.Options.IngestQueueWait, cancellationToken);

    /// <summary>
    /// Stores lines of raw output from one source as one batch, like <see cref="AppendOutputAsync"/> but giving up
    /// (null) when the queue stays full, as <see cref="TryIngestAsync"/> does: all of it is stored, or none. The store
    /// queues a copy, so <paramref name="output"/> may be a pooled buffer.
    /// </summary>
    public Task<LogAppendResult?> TryIngestOutputAsync(
        string environmentId, LogSourceRef source, LogStream stream, ReadOnlyMemory<byte> output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return store.TryAppendAsync(environmentId, new LogOutput(source, stream, output), store.Options.IngestQueueWait, cancellationToken);
    }

    private static int CutAfterNewline(ReadOnlySpan<byte> output)
    {
        var newline = output[..MaxBatchBytes].LastIndexOf((byte)'\n');
        return newline >= 0 ? newline + 1 : MaxBatchBytes;
    }
}
