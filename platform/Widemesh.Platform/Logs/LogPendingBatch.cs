using System.Buffers;

namespace Widemesh.Platform.Logs;

/// <summary>
/// A batch in the write queue: checked drafts, or the raw output of one <see cref="Source"/> (then no drafts),
/// already cut into stored messages on the caller's thread so the single writer only frames and writes them:
/// <see cref="Messages"/> holds them back to back in a pooled buffer and <see cref="PieceLength"/> their lengths.
/// <see cref="Release"/> gives the buffers back once written; <see cref="Done"/> completes once its frames are flushed.
/// </summary>
internal sealed class LogPendingBatch
{
    private byte[]? _messages;
    private int[]? _pieces;

    private LogPendingBatch(IReadOnlyList<LogDraft> drafts, LogSourceRef? source, LogStream stream)
    {
        Drafts = drafts;
        Source = source;
        Stream = stream;
    }

    public IReadOnlyList<LogDraft> Drafts { get; }

    /// <summary>The source of raw output; null for a batch of drafts.</summary>
    public LogSourceRef? Source { get; }

    public LogStream Stream { get; }

    /// <summary>How many stored messages the raw output became.</summary>
    public int PieceCount { get; private set; }

    public ReadOnlySpan<byte> Messages => _messages;

    public TaskCompletionSource<LogAppendResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static LogPendingBatch Of(IReadOnlyList<LogDraft> drafts) => new(drafts, null, LogStream.Stdout);

    /// <summary>
    /// A batch of <paramref name="output"/>'s lines, copied (escaped where needed) into pooled buffers: a caller that
    /// stops waiting may reuse its own buffer at once.
    /// </summary>
    public static LogPendingBatch Of(LogOutput output)
    {
        var batch = new LogPendingBatch([], output.Source, output.Stream);
        var bytes = output.Bytes.Span;
        batch._messages = ArrayPool<byte>.Shared.Rent(Math.Max(bytes.Length, 16));
        // A guess (one line per 64 bytes), grown below when the lines are shorter: counting them first would be a second pass.
        batch._pieces = ArrayPool<int>.Shared.Rent((bytes.Length / 64) + 16);
        var written = 0;
        var pieces = new LogTextPieces(bytes);
        while (pieces.MoveNext(out var piece, out var continuation))
        {
            if (written + piece.Length > batch._messages.Length)
            {
                // Escapes made the messages longer than the output.
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(2 * batch._messages.Length, written + piece.Length));
                batch._messages.AsSpan(0, written).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(batch._messages);
                batch._messages = larger;
            }

            if (batch.PieceCount == batch._pieces.Length)
            {
                var more = ArrayPool<int>.Shared.Rent(2 * batch._pieces.Length);
                batch._pieces.AsSpan().CopyTo(more);
                ArrayPool<int>.Shared.Return(batch._pieces);
                batch._pieces = more;
            }

            piece.CopyTo(batch._messages.AsSpan(written));
            written += piece.Length;

            // A continuation piece is stored as a negative length (a piece is never longer than int.MaxValue).
            batch._pieces[batch.PieceCount++] = continuation ? ~piece.Length : piece.Length;
        }

        return batch;
    }

    /// <summary>The length of message <paramref name="index"/>, and whether it continues the line before.</summary>
    public int PieceLength(int index, out bool continuation)
    {
        var length = _pieces![index];
        continuation = length < 0;
        return continuation ? ~length : length;
    }

    /// <summary>About how many bytes the batch adds to a segment, to bound one write.</summary>
    public long EstimatedBytes()
    {
        long bytes = PieceCount * 64L;
        if (_messages is not null)
        {
            bytes += _messages.Length;
        }

        foreach (var draft in Drafts)
        {
            bytes += draft.Message.Length + 64L;
        }

        return bytes;
    }

    /// <summary>Called by the writer once the batch is written or failed; a batch never written is left to the GC.</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _messages, null) is { } messages)
        {
            ArrayPool<byte>.Shared.Return(messages);
        }

        if (Interlocked.Exchange(ref _pieces, null) is { } pieces)
        {
            ArrayPool<int>.Shared.Return(pieces);
        }
    }
}
