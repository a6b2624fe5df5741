using System.Buffers;

namespace Widemesh.Platform.Logs;

/// <summary>
/// A batch in the write queue: checked drafts, or the raw output of one <see cref="Source"/> (then no drafts),
/// already cut into stored messages on the caller's thread so the single writer only frames and writes them. The
/// output sits in a pooled buffer the batch owns, and the messages are cut in place: <see cref="Piece"/> is a slice of
/// it (a line without its <c>\n</c>), or of a second pooled buffer for the few lines that needed escapes.
/// <see cref="Release"/> gives the buffers back once written; <see cref="Done"/> completes once its frames are flushed.
/// </summary>
internal sealed class LogPendingBatch
{
    private byte[]? _output;
    private int _outputLength;
    private byte[]? _escaped;
    private int _escapedLength;

    /// <summary>Two ints per piece: where it starts (past <see cref="_outputLength"/>: in <see cref="_escaped"/>) and its length, negated (~) for a continuation.</summary>
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

    public TaskCompletionSource<LogAppendResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static LogPendingBatch Of(IReadOnlyList<LogDraft> drafts) => new(drafts, null, LogStream.Stdout);

    /// <summary>
    /// A batch of <paramref name="output"/>'s lines, copied into a pooled buffer: a caller that stops waiting may
    /// reuse its own buffer at once.
    /// </summary>
    public static LogPendingBatch Of(LogOutput output)
    {
        var bytes = output.Bytes.Span;
        var copy = ArrayPool<byte>.Shared.Rent(Math.Max(bytes.Length, 16));
        bytes.CopyTo(copy);
        return Owning(output.Source, output.Stream, copy, bytes.Length);
    }

    /// <summary>
    /// A batch of the lines in the first <paramref name="length"/> bytes of <paramref name="pooled"/>, an array from
    /// <see cref="ArrayPool{T}.Shared"/> that the batch now owns (no copy): <see cref="Release"/> returns it.
    /// </summary>
    public static LogPendingBatch Owning(LogSourceRef source, LogStream stream, byte[] pooled, int length)
    {
        var batch = new LogPendingBatch([], source, stream) { _output = pooled, _outputLength = length };
        var output = pooled.AsSpan(0, length);

        // A guess (one line per 64 bytes), grown below when the lines are shorter: counting them first would be a second pass.
        batch._pieces = ArrayPool<int>.Shared.Rent((2 * (length / 64)) + 32);
        var pieces = new LogTextPieces(output);
        while (pieces.MoveNext(out var piece, out var continuation))
        {
            var start = 0;
            if (!piece.IsEmpty && !output.Overlaps(piece, out start))
            {
                start = length + batch.KeepEscaped(piece);
            }

            batch.AddPiece(start, continuation ? ~piece.Length : piece.Length);
        }

        return batch;
    }

    /// <summary>Message <paramref name="index"/>, and whether it continues the line before.</summary>
    public ReadOnlySpan<byte> Piece(int index, out bool continuation)
    {
        var start = _pieces![2 * index];
        var length = _pieces[(2 * index) + 1];
        continuation = length < 0;
        length = continuation ? ~length : length;
        return start < _outputLength ? _output.AsSpan(start, length) : _escaped.AsSpan(start - _outputLength, length);
    }

    /// <summary>Copies an escaped line (it is not in the output as it is) to the side buffer; returns where it starts there.</summary>
    private int KeepEscaped(ReadOnlySpan<byte> piece)
    {
        if (_escaped is null || _escapedLength + piece.Length > _escaped.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(4096, Math.Max(2 * (_escaped?.Length ?? 0), _escapedLength + piece.Length)));
            _escaped?.AsSpan(0, _escapedLength).CopyTo(larger);
            if (_escaped is not null)
            {
                ArrayPool<byte>.Shared.Return(_escaped);
            }

            _escaped = larger;
        }

        var start = _escapedLength;
        piece.CopyTo(_escaped.AsSpan(start));
        _escapedLength += piece.Length;
        return start;
    }

    private void AddPiece(int start, int signedLength)
    {
        if ((2 * PieceCount) + 2 > _pieces!.Length)
        {
            var more = ArrayPool<int>.Shared.Rent(2 * _pieces.Length);
            _pieces.AsSpan().CopyTo(more);
            ArrayPool<int>.Shared.Return(_pieces);
            _pieces = more;
        }

        _pieces[2 * PieceCount] = start;
        _pieces[(2 * PieceCount) + 1] = signedLength;
        PieceCount++;
    }

    /// <summary>About how many bytes the batch adds to a segment, to bound one write.</summary>
    public long EstimatedBytes()
    {
        var bytes = (PieceCount * 64L) + _outputLength + _escapedLength;

        foreach (var draft in Drafts)
        {
            bytes += draft.Message.Length + 64L;
        }

        return bytes;
    }

    /// <summary>Called by the writer once the batch is written or failed, or by whoever failed to queue it.</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _output, null) is { } output)
        {
            ArrayPool<byte>.Shared.Return(output);
        }

        if (Interlocked.Exchange(ref _escaped, null) is { } escaped)
        {
            ArrayPool<byte>.Shared.Return(escaped);
        }

        if (Interlocked.Exchange(ref _pieces, null) is { } pieces)
        {
            ArrayPool<int>.Shared.Return(pieces);
        }
    }
}
