namespace Widemesh.Platform.Logs;

/// <summary>
/// The ways into the store. The local rack runtime calls <see cref="AppendOutputAsync"/> with what an instance
/// printed; it waits while the environment's queue is full, which in turn slows the pipe of the instance
/// (back-pressure, never unbounded buffering). HTTP ingest uses <see cref="TryIngestAsync"/>, which gives up after
/// <see cref="LogStoreOptions.IngestQueueWait"/> so the API can answer 503 with Retry-After.
/// </summary>
internal sealed class LogIngestor(LogStore store)
{
    private const int PipelineBatchBytes = 1024 * 1024;

    /// <summary>
    /// Stores complete lines of output (a missing final newline is fine) and completes once they are acknowledged.
    /// The output goes in batches of about <see cref="PipelineBatchBytes"/>, each queued as soon as it is cut into
    /// lines, so this thread prepares the next batch while the environment's writer writes the last one. The result
    /// spans the first to the last of them: when the output took more than one batch, entries of other sources
    /// written in between fall in that range too.
    /// </summary>
    public async Task<LogAppendResult> AppendOutputAsync(
        string environmentId, LogSourceRef source, LogStream stream, ReadOnlyMemory<byte> output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var written = new List<Task<LogAppendResult>>();
        while (!output.IsEmpty)
        {
            var take = output.Length <= PipelineBatchBytes ? output.Length : CutAfterNewline(output.Span);
            written.Add(await store.QueueAsync(environmentId, new LogOutput(source, stream, output[..take]), cancellationToken));
            output = output[take..];
        }

        if (written.Count == 0)
        {
            var committed = store.Get(environmentId).CommittedSequence;
            return new LogAppendResult(committed + 1, committed);
        }

        var results = await Task.WhenAll(written).WaitAsync(cancellationToken);
        return new LogAppendResult(results[0].FirstSequence, results[^1].LastSequence);
    }

    /// <summary>Stores a parsed batch of entries; null when the queue stayed full (the caller should retry later).</summary>
    public Task<LogAppendResult?> TryIngestAsync(string environmentId, LogPendingBatch batch, CancellationToken cancellationToken) =>
        store.TryAppendAsync(environmentId, batch, store.Options.IngestQueueWait, cancellationToken);

    /// <summary>
    /// Stores lines of raw output from one source as one batch, like <see cref="AppendOutputAsync"/> but giving up
    /// (null) when the queue stays full, as <see cref="TryIngestAsync"/> does: all of it is stored, or none. The output
    /// is the first <paramref name="length"/> bytes of <paramref name="pooled"/>, an <see cref="System.Buffers.ArrayPool{T}.Shared"/>
    /// array the store takes over (it is cut into lines in place and returned once written): the caller must not
    /// touch it again, whatever this returns or throws.
    /// </summary>
    public Task<LogAppendResult?> TryIngestOutputAsync(
        string environmentId, LogSourceRef source, LogStream stream, byte[] pooled, int length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return store.TryAppendAsync(environmentId, LogPendingBatch.Owning(source, stream, pooled, length), store.Options.IngestQueueWait, cancellationToken);
    }

    /// <summary>Where the next batch ends: after the last newline of the first <see cref="PipelineBatchBytes"/>, or after the first newline when a line is longer (a line is never cut between batches).</summary>
    private static int CutAfterNewline(ReadOnlySpan<byte> output)
    {
        var newline = output[..PipelineBatchBytes].LastIndexOf((byte)'\n');
        if (newline >= 0)
        {
            return newline + 1;
        }

        newline = output.IndexOf((byte)'\n');
        return newline >= 0 ? newline + 1 : output.Length;
    }
}
