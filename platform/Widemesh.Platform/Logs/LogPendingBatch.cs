using System.Buffers;

namespace Widemesh.Platform.Logs;

/// <summary>
/// A batch in the write queue: checked drafts, or raw output of one source (then no drafts) in a pooled copy that
/// <see cref="Release"/> gives back once written; <see cref="Done"/> completes once its frames are flushed.
/// </summary>
internal sealed class LogPendingBatch
{
    private byte[]? _rented;

    private LogPendingBatch(IReadOnlyList<LogDraft> drafts, LogOutput? output)
    {
        Drafts = drafts;
        Output = output;
    }

    public IReadOnlyList<LogDraft> Drafts { get; }

    public LogOutput? Output { get; }

    public TaskCompletionSource<LogAppendResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static LogPendingBatch Of(IReadOnlyList<LogDraft> drafts) => new(drafts, null);

    /// <summary>A batch of a copy of <paramref name="output"/>: a caller that stops waiting may reuse its buffer at once.</summary>
    public static LogPendingBatch Of(LogOutput output)
    {
        var rented = ArrayPool<byte>.Shared.Rent(output.Bytes.Length);
        output.Bytes.Span.CopyTo(rented);
        return new LogPendingBatch([], output with { Bytes = rented.AsMemory(0, output.Bytes.Length) }) { _rented = rented };
    }

    /// <summary>About how many bytes the batch adds to a segment, to bound one write.</summary>
    public long EstimatedBytes()
    {
        if (Output is { } output)
        {
            return output.Bytes.Length * 5L / 4;
        }

        long bytes = 0;
        foreach (var draft in Drafts)
        {
            bytes += draft.Message.Length + 64L;
        }

        return bytes;
    }

    /// <summary>Called by the writer once the batch is written or failed; a batch never written is left to the GC.</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _rented, null) is { } rented)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
