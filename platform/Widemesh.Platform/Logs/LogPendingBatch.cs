using System.Buffers;

namespace Widemesh.Platform.Logs;

/// <summary>
/// A batch in the write queue: stored messages, already escaped and cut to size on the caller's thread, so the
/// single writer only frames and writes them. No object per line: a message is a slice of the input buffer the batch
/// owns (a raw line without its <c>\n</c>, or a JSON string without escapes), or of a second pooled buffer for the
/// messages that are not in the input as they are (escaped, unescaped, decoded, or copied from drafts). Each message
/// also names its source and stream among the batch's few <see cref="Sources"/>, and its time at the source.
/// <see cref="Release"/> gives the buffers back once written; <see cref="Done"/> completes once its frames are flushed.
/// </summary>
internal sealed class LogPendingBatch
{
    /// <summary>Ints per message in <see cref="_pieces"/>: start, signed length, origin.</summary>
    private const int Stride = 3;

    private readonly List<LogSourceRef> _sources = [];
    private byte[]? _input;
    private readonly int _inputLength;
    private byte[]? _side;
    private int _sideLength;

    /// <summary>
    /// Per message: where it starts (at or past <see cref="_inputLength"/>: in <see cref="_side"/>), its length
    /// (negated with ~ for a continuation), and its origin (source index × 2, plus 1 for stderr).
    /// </summary>
    private int[]? _pieces;

    /// <summary>Per message, the time at the source in ticks (0: none); null while no message had one.</summary>
    private long[]? _sourceTicks;

    private LogPendingBatch(byte[]? input, int inputLength, int expectedMessages)
    {
        _input = input;
        _inputLength = inputLength;
        _pieces = ArrayPool<int>.Shared.Rent(Stride * Math.Max(expectedMessages, 8));
    }

    /// <summary>How many stored messages the batch holds.</summary>
    public int Count { get; private set; }

    /// <summary>Where the messages come from; a message names one by index.</summary>
    public IReadOnlyList<LogSourceRef> Sources => _sources;

    public TaskCompletionSource<LogAppendResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A batch of checked drafts (messages already escaped and cut), copied.</summary>
    public static LogPendingBatch Of(IReadOnlyList<LogDraft> drafts)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var batch = new LogPendingBatch(null, 0, drafts.Count);
        LogSourceRef? source = null;
        foreach (var draft in drafts)
        {
            if (source is null || source.Rack != draft.Rack || source.Kind != draft.Kind || source.Source != draft.Source || source.Instance != draft.Instance)
            {
                source = new LogSourceRef(draft.Rack, draft.Kind, draft.Source, draft.Instance);
            }

            batch.Add(draft.Message.Span, draft.Continuation, batch.OriginOf(source, draft.Stream), draft.SourceTime?.UtcTicks ?? 0);
        }

        return batch;
    }

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
        // A guess (one line per 64 bytes), grown when the lines are shorter: counting them first would be a second pass.
        var batch = new LogPendingBatch(pooled, length, (length / 64) + 8);
        var origin = batch.OriginOf(source, stream);
        var pieces = new LogTextPieces(pooled.AsSpan(0, length));
        while (pieces.MoveNext(out var piece, out var continuation))
        {
            batch.Add(piece, continuation, origin, 0);
        }

        return batch;
    }

    /// <summary>
    /// An empty batch that owns <paramref name="pooled"/> (the first <paramref name="length"/> bytes of a body from
    /// <see cref="ArrayPool{T}.Shared"/>), so lines added from that body are kept as slices of it.
    /// </summary>
    public static LogPendingBatch OwningBody(byte[] pooled, int length) => new(pooled, length, (length / 128) + 8);

    /// <summary>
    /// Adds one line by <see cref="LogText"/>'s rules: a trailing <c>\r</c> removed, escaped where needed, cut into
    /// messages of at most <see cref="LogText.MaxMessageBytes"/>. A line that lies in the owned body is not copied.
    /// </summary>
    public void AddLine(LogSourceRef source, LogStream stream, DateTimeOffset? sourceTime, ReadOnlySpan<byte> line)
    {
        if (!line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        if (!LogText.IsPlain(line) && LogText.NeedsEscape(line))
        {
            line = LogText.Escape(line);
        }

        var origin = OriginOf(source, stream);
        var ticks = sourceTime?.UtcTicks ?? 0;
        var continuation = false;
        do
        {
            var length = LogText.CutPoint(line);
            Add(line[..length], continuation, origin, ticks);
            line = line[length..];
            continuation = true;
        }
        while (!line.IsEmpty);
    }

    /// <summary>Message <paramref name="index"/>: its bytes, whether it continues the line before, its origin (source index × 2, plus 1 for stderr) and time at the source (0: none).</summary>
    public ReadOnlySpan<byte> Message(int index, out bool continuation, out int origin, out long sourceTicks)
    {
        var at = Stride * index;
        var start = _pieces![at];
        var length = _pieces[at + 1];
        origin = _pieces[at + 2];
        sourceTicks = _sourceTicks?[index] ?? 0;
        continuation = length < 0;
        length = continuation ? ~length : length;
        return start < _inputLength ? _input.AsSpan(start, length) : _side.AsSpan(start - _inputLength, length);
    }

    /// <summary>The messages as drafts, for tests and diagnostics.</summary>
    public IReadOnlyList<LogDraft> ToDrafts()
    {
        var drafts = new List<LogDraft>(Count);
        for (var i = 0; i < Count; i++)
        {
            var message = Message(i, out var continuation, out var origin, out var ticks).ToArray();
            var source = _sources[origin >> 1];
            drafts.Add(new LogDraft(
                source.Rack, source.Kind, source.Source, source.Instance, (origin & 1) == 1 ? LogStream.Stderr : LogStream.Stdout, ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero), message, continuation));
        }

        return drafts;
    }

    /// <summary>About how many bytes the batch adds to a segment, to bound one write.</summary>
    public long EstimatedBytes() => (Count * 64L) + _inputLength + _sideLength;

    /// <summary>Called by the writer once the batch is written or failed, by whoever failed to queue it, or when a body turned out to be invalid.</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _input, null) is { } input)
        {
            ArrayPool<byte>.Shared.Return(input);
        }

        if (Interlocked.Exchange(ref _side, null) is { } side)
        {
            ArrayPool<byte>.Shared.Return(side);
        }

        if (Interlocked.Exchange(ref _pieces, null) is { } pieces)
        {
            ArrayPool<int>.Shared.Return(pieces);
        }

        if (Interlocked.Exchange(ref _sourceTicks, null) is { } ticks)
        {
            ArrayPool<long>.Shared.Return(ticks);
        }
    }

    /// <summary>The origin of messages from <paramref name="source"/> on <paramref name="stream"/>: the same source object as the last one is the common case.</summary>
    private int OriginOf(LogSourceRef source, LogStream stream)
    {
        var index = _sources.Count - 1;
        if (index < 0 || !ReferenceEquals(_sources[index], source))
        {
            index = _sources.IndexOf(source);
            if (index < 0)
            {
                index = _sources.Count;
                _sources.Add(source);
            }
        }

        return (index << 1) | (stream == LogStream.Stderr ? 1 : 0);
    }

    private void Add(ReadOnlySpan<byte> message, bool continuation, int origin, long sourceTicks)
    {
        var start = 0;
        if (!message.IsEmpty && (_input is null || !_input.AsSpan(0, _inputLength).Overlaps(message, out start)))
        {
            start = _inputLength + KeepAside(message);
        }

        var at = Stride * Count;
        if (at + Stride > _pieces!.Length)
        {
            var more = ArrayPool<int>.Shared.Rent(2 * _pieces.Length);
            _pieces.AsSpan(0, at).CopyTo(more);
            ArrayPool<int>.Shared.Return(_pieces);
            _pieces = more;
        }

        _pieces[at] = start;
        _pieces[at + 1] = continuation ? ~message.Length : message.Length;
        _pieces[at + 2] = origin;
        if (sourceTicks != 0 || _sourceTicks is not null)
        {
            KeepSourceTicks(sourceTicks);
        }

        Count++;
    }

    /// <summary>Copies a message that is not in the input as it is to the side buffer; returns where it starts there.</summary>
    private int KeepAside(ReadOnlySpan<byte> message)
    {
        if (_side is null || _sideLength + message.Length > _side.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(4096, Math.Max(2 * (_side?.Length ?? 0), _sideLength + message.Length)));
            if (_side is not null)
            {
                _side.AsSpan(0, _sideLength).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_side);
            }

            _side = larger;
        }

        var start = _sideLength;
        message.CopyTo(_side.AsSpan(start));
        _sideLength += message.Length;
        return start;
    }

    private void KeepSourceTicks(long sourceTicks)
    {
        if (_sourceTicks is null || Count == _sourceTicks.Length)
        {
            var larger = ArrayPool<long>.Shared.Rent(Math.Max(_pieces!.Length / Stride, Count + 1));
            larger.AsSpan(0, Count).Clear();
            if (_sourceTicks is not null)
            {
                _sourceTicks.AsSpan(0, Count).CopyTo(larger);
                ArrayPool<long>.Shared.Return(_sourceTicks);
            }

            _sourceTicks = larger;
        }

        _sourceTicks[Count] = sourceTicks;
    }
}
