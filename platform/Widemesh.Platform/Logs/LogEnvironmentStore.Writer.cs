using System.Buffers;
using System.Threading.Channels;

namespace Widemesh.Platform.Logs;

/// <summary>The writer side: only the writer task touches these fields.</summary>
internal sealed partial class LogEnvironmentStore
{
    private const long MaxBytesPerWrite = 4L * 1024 * 1024;

    private readonly ArrayBufferWriter<byte> _buffer = new(1024 * 1024);
    private readonly List<LogIndexPoint> _pendingPoints = [];
    private readonly LogNameEncoder _names = new();
    private FileStream? _stream;
    private long _lastSequence;
    private long _lastTicks;
    private long _activeMinTicks;
    private long _lastPointOffset = long.MinValue;

    /// <summary>Queues a batch, waiting while the queue is full, and completes when the batch is flushed.</summary>
    public async Task<LogAppendResult> AppendAsync(LogPendingBatch batch, CancellationToken cancellationToken)
    {
        await EnqueueAsync(batch, cancellationToken);
        return await batch.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Queues a batch, waiting while the queue is full; the task it returns completes when the batch is flushed.</summary>
    public async Task<Task<LogAppendResult>> QueueAsync(LogPendingBatch batch, CancellationToken cancellationToken)
    {
        await EnqueueAsync(batch, cancellationToken);
        return batch.Done.Task;
    }

    /// <summary>Like <see cref="AppendAsync"/> but gives up (returns null) when the queue stays full for <paramref name="wait"/>.</summary>
    public async Task<LogAppendResult?> TryAppendAsync(LogPendingBatch batch, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (!_queue.Writer.TryWrite(batch))
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(wait);
            try
            {
                await EnqueueAsync(batch, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }

        return await batch.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task EnqueueAsync(LogPendingBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.Writer.WriteAsync(batch, cancellationToken);
        }
        catch (Exception exception)
        {
            // Not queued, so the writer will never see it: its pooled buffers go back here.
            batch.Release();
            if (exception is ChannelClosedException)
            {
                throw new InvalidOperationException($"The logs of environment {Id} are closed or deleted.", exception);
            }

            throw;
        }
    }

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        var batches = new List<LogPendingBatch>();
        while (await _queue.Reader.WaitToReadAsync(cancellationToken))
        {
            long bytes = 0;
            while (bytes < MaxBytesPerWrite && _queue.Reader.TryRead(out var batch))
            {
                batches.Add(batch);
                bytes += batch.EstimatedBytes();
            }

            try
            {
                var results = WriteBatches(batches);
                for (var i = 0; i < batches.Count; i++)
                {
                    batches[i].Done.TrySetResult(results[i]);
                }
            }
            catch (Exception exception)
            {
                // Whatever went wrong, the batches fail and the writer lives on: a dead writer would hang every caller.
                LogStoreLog.WriteFailed(_logger, Id, exception);
                RecoverAfterFailure();
                foreach (var batch in batches)
                {
                    batch.Done.TrySetException(new IOException($"Could not write the logs of environment {Id}: {exception.Message}", exception));
                }
            }

            foreach (var batch in batches)
            {
                batch.Release();
            }

            batches.Clear();
            Signal();
        }

        _stream?.Dispose();
        _stream = null;
    }

    private LogAppendResult[] WriteBatches(List<LogPendingBatch> batches)
    {
        var results = new LogAppendResult[batches.Count];
        var frameStart = -1;
        var ticks = Math.Max(_time.GetUtcNow().UtcTicks, _lastTicks);
        for (var b = 0; b < batches.Count; b++)
        {
            var first = _lastSequence + 1;
            var batch = batches[b];
            var names = NamesOf(batch);
            for (var i = 0; i < batch.Count; i++)
            {
                var message = batch.Message(i, out var continuation, out var origin, out var sourceTicks);
                WriteRecord(ticks, names[origin], sourceTicks, message, continuation, ref frameStart);
            }

            results[b] = new LogAppendResult(first, _lastSequence);
        }

        if (frameStart >= 0)
        {
            LogRecordCodec.EndFrame(_buffer, frameStart);
        }

        FlushPending();
        return results;
    }

    /// <summary>The encoded names of each origin (source index × 2, plus 1 for stderr) of <paramref name="batch"/>.</summary>
    private LogRecordNames[] NamesOf(LogPendingBatch batch)
    {
        var names = new LogRecordNames[2 * batch.Sources.Count];
        for (var s = 0; s < batch.Sources.Count; s++)
        {
            var source = batch.Sources[s];
            var (rack, name, instance) = (_names.Get(source.Rack), _names.Get(source.Source), _names.Get(source.Instance));
            names[2 * s] = new LogRecordNames(source.Kind, rack, name, instance, LogStream.Stdout);
            names[(2 * s) + 1] = new LogRecordNames(source.Kind, rack, name, instance, LogStream.Stderr);
        }

        return names;
    }

    /// <summary>Adds one record to the pending frame, closing the frame (and the segment) first when it would not fit.</summary>
    private void WriteRecord(long ticks, in LogRecordNames names, long sourceTicks, ReadOnlySpan<byte> message, bool continuation, ref int frameStart)
    {
        var size = LogRecordCodec.MeasureRecord(names, message.Length);
        if (frameStart >= 0 && (_buffer.WrittenCount - frameStart + size > LogRecordCodec.FrameTargetBytes
            || Segments[^1].Length + _buffer.WrittenCount + size > _options.SegmentBytes))
        {
            LogRecordCodec.EndFrame(_buffer, frameStart);
            frameStart = -1;
        }

        if (frameStart < 0)
        {
            var segment = EnsureSegment(ticks, size);
            var offset = segment.Length + _buffer.WrittenCount;
            if (offset - _lastPointOffset >= _options.IndexIntervalBytes)
            {
                _pendingPoints.Add(new LogIndexPoint(offset, _lastSequence + 1, ticks));
                _lastPointOffset = offset;
            }

            frameStart = LogRecordCodec.BeginFrame(_buffer);
        }

        LogRecordCodec.WriteRecord(_buffer, ++_lastSequence, ticks, sourceTicks, names, message, continuation);
        _lastTicks = ticks;
        if (_activeMinTicks == 0)
        {
            _activeMinTicks = ticks;
        }
    }

    /// <summary>The active segment, after closing it and starting a new one when the next frame would not fit.</summary>
    private LogSegment EnsureSegment(long ticks, int recordSize)
    {
        var segments = Segments;
        if (segments.Length == 0)
        {
            return CreateSegment(_lastSequence + 1);
        }

        var active = segments[^1];
        var length = active.Length + _buffer.WrittenCount;
        var hasEntries = length > LogRecordCodec.FileMagic.Length;
        var tooBig = length + recordSize + LogRecordCodec.FrameHeaderBytes > _options.SegmentBytes;
        var tooOld = _activeMinTicks != 0 && ticks - _activeMinTicks > _options.SegmentMaxSpan.Ticks;
        if (hasEntries && (tooBig || tooOld))
        {
            FlushPending();
            _stream?.Dispose();
            _stream = null;
            LogSegmentFiles.WriteIndex(active);
            var next = CreateSegment(_lastSequence + 1);
            ApplyRetention();
            return next;
        }

        return active;
    }

    private LogSegment CreateSegment(long firstSequence)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, LogSegment.FileName(firstSequence));
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        _stream.Write(LogRecordCodec.FileMagic);
        _stream.Flush(flushToDisk: _options.Durability == LogDurability.Fsync);
        var segment = new LogSegment(path, firstSequence, LogRecordCodec.FileMagic.Length, firstSequence - 1, 0, 0, []);
        _activeMinTicks = 0;
        _lastPointOffset = long.MinValue;
        lock (_gate)
        {
            Volatile.Write(ref _segments, [.. _segments, segment]);
        }

        return segment;
    }

    private void FlushPending()
    {
        if (_buffer.WrittenCount == 0)
        {
            return;
        }

        var active = Segments[^1];
        _stream ??= OpenActive(active);
        _stream.Write(_buffer.WrittenSpan);
        _stream.Flush(flushToDisk: _options.Durability == LogDurability.Fsync);
        active.Publish(active.Length + _buffer.WrittenCount, _lastSequence, _activeMinTicks, _lastTicks, _pendingPoints);
        _buffer.Clear();
        _pendingPoints.Clear();
        Volatile.Write(ref _committedSequence, _lastSequence);
    }

    private static FileStream OpenActive(LogSegment active)
    {
        var stream = new FileStream(active.Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        stream.Position = active.Length;
        return stream;
    }

    /// <summary>After a failed write, forgets what was not published and cuts the file back to its committed length.</summary>
    private void RecoverAfterFailure()
    {
        _buffer.Clear();
        _pendingPoints.Clear();
        _lastSequence = CommittedSequence;
        try
        {
            _stream?.Dispose();
            _stream = null;
            var segments = Segments;
            if (segments.Length > 0)
            {
                using var handle = File.OpenHandle(segments[^1].Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
                RandomAccess.SetLength(handle, segments[^1].Length);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            LogStoreLog.WriteFailed(_logger, Id, exception);
        }
    }
}
