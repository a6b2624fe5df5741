using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace Widemesh.Platform.Logs;

/// <summary>
/// Walks an environment's segments frame by frame from a time or a sequence number, never past what the writer
/// has committed. It holds one frame in memory. Records before <see cref="NextSequence"/> are the caller's to skip
/// (a frame found through the index may start a little early); the caller moves <see cref="NextSequence"/> on.
/// </summary>
internal sealed class LogReadCursor : IDisposable
{
    private readonly LogEnvironmentStore _environment;
    private readonly long? _sinceTicks;
    private LogSegment? _segment;
    private SafeFileHandle? _handle;
    private long _offset;
    private byte[] _buffer = new byte[LogRecordCodec.FrameTargetBytes + (2 * LogText.MaxMessageBytes)];
    private int _frameLength;
    private int _frameStart;
    private long _bufferOffset = -1;
    private int _bufferCount;

    public LogReadCursor(LogEnvironmentStore environment, long? sinceTicks, long nextSequence)
    {
        _environment = environment;
        _sinceTicks = sinceTicks;
        NextSequence = nextSequence;
    }

    public long NextSequence { get; set; }

    /// <summary>The payload of the frame the last <see cref="Next"/> returned.</summary>
    public ReadOnlySpan<byte> Payload => _buffer.AsSpan(_frameStart + LogRecordCodec.FrameHeaderBytes, _frameLength - LogRecordCodec.FrameHeaderBytes);

    /// <summary>Moves to the next committed frame. On <see cref="LogReadStep.End"/>, <paramref name="changed"/> completes at the next commit.</summary>
    public LogReadStep Next(out Task changed)
    {
        while (true)
        {
            changed = _environment.Changed;
            if (_environment.IsDeleted)
            {
                return LogReadStep.Deleted;
            }

            var segments = _environment.Segments;
            if (_segment is null && !Locate(segments))
            {
                return LogReadStep.End;
            }

            var segment = _segment!;
            if (_handle is null)
            {
                try
                {
                    _handle = File.OpenHandle(segment.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                }
                catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
                {
                    // Retention removed it before we got there: go on with what is kept.
                    _segment = null;
                    _bufferOffset = -1;
                    _bufferCount = 0;
                    continue;
                }
            }

            var next = NextAfter(segments, segment);
            var limit = segment.Length;
            if (_offset < limit)
            {
                _frameLength = ReadFrame(_handle, _offset, limit);
                if (_frameLength > 0)
                {
                    _offset += _frameLength;
                    return LogReadStep.Frame;
                }

                _offset = limit;
            }

            if (next is null)
            {
                return LogReadStep.End;
            }

            _handle.Dispose();
            _handle = null;
            _bufferOffset = -1;
            _bufferCount = 0;
            _segment = next;
            _offset = next.OffsetForSequence(NextSequence);
        }
    }

    public void Dispose() => _handle?.Dispose();

    private static LogSegment? NextAfter(LogSegment[] segments, LogSegment segment)
    {
        foreach (var candidate in segments)
        {
            if (candidate.FirstSequence > segment.FirstSequence)
            {
                return candidate;
            }
        }

        return null;
    }

    private bool Locate(LogSegment[] segments)
    {
        if (segments.Length == 0)
        {
            return false;
        }

        if (_sinceTicks is { } ticks && NextSequence == 0)
        {
            foreach (var candidate in segments)
            {
                if (candidate.HasEntries && candidate.MaxTicks >= ticks)
                {
                    _segment = candidate;
                    _offset = candidate.OffsetForTicks(ticks);
                    return true;
                }
            }

            var last = segments[^1];
            _segment = last;
            _offset = last.Index.Length > 0 ? last.Index[^1].Offset : LogRecordCodec.FileMagic.Length;
            return true;
        }

        for (var i = segments.Length - 1; i >= 0; i--)
        {
            if (segments[i].FirstSequence <= NextSequence || i == 0)
            {
                _segment = segments[i];
                _offset = segments[i].OffsetForSequence(NextSequence);
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Finds the frame at <paramref name="offset"/> in the read-ahead buffer, reading from the file when it is not
    /// all there; 0 when it is damaged (the rest of the segment is skipped).
    /// </summary>
    private int ReadFrame(SafeFileHandle handle, long offset, long limit)
    {
        if (!(offset >= _bufferOffset && offset < _bufferOffset + _bufferCount) || !HasWholeFrame(offset))
        {
            var needed = ReadAt(handle, offset, limit, _buffer.Length);
            if (needed > _bufferCount && needed <= LogRecordCodec.MaxFrameBytes + LogRecordCodec.FrameHeaderBytes && offset + needed <= limit)
            {
                if (needed > _buffer.Length)
                {
                    Array.Resize(ref _buffer, (int)needed);
                }

                ReadAt(handle, offset, limit, (int)needed);
            }
        }

        _frameStart = (int)(offset - _bufferOffset);
        var data = _buffer.AsSpan(_frameStart, _bufferCount - _frameStart);
        return LogRecordCodec.TryReadFrame(data, out var frameLength, out _) ? frameLength : 0;
    }

    private bool HasWholeFrame(long offset)
    {
        var start = (int)(offset - _bufferOffset);
        if (_bufferCount - start < LogRecordCodec.FrameHeaderBytes)
        {
            return false;
        }

        return LogRecordCodec.FrameHeaderBytes + (long)BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(start)) <= _bufferCount - start;
    }

    /// <summary>Fills the buffer from <paramref name="offset"/>; returns the length of the frame there (0 if unreadable).</summary>
    private long ReadAt(SafeFileHandle handle, long offset, long limit, int size)
    {
        var available = (int)Math.Min(size, limit - offset);
        _bufferOffset = offset;
        _bufferCount = RandomAccess.Read(handle, _buffer.AsSpan(0, available), offset);
        return _bufferCount < LogRecordCodec.FrameHeaderBytes ? 0 : LogRecordCodec.FrameHeaderBytes + (long)BinaryPrimitives.ReadUInt32LittleEndian(_buffer);
    }
}
