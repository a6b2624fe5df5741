using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Widemesh.Platform.Logs;

/// <summary>
/// The logs of one environment: its segment files, one writer task fed by a bounded queue, and the signal that
/// wakes followers. Segments are ordered by first sequence number; the last one is the active segment and is
/// never removed by retention.
/// </summary>
internal sealed partial class LogEnvironmentStore
{
    private readonly LogStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Channel<LogPendingBatch> _queue;
    private readonly Task _writer;
    private LogSegment[] _segments;
    private TaskCompletionSource _changed = NewSignal();
    private long _committedSequence;
    private volatile bool _deleted;

    private LogEnvironmentStore(string id, string directory, LogStoreOptions options, TimeProvider time, ILogger logger, LogSegment[] segments)
    {
        Id = id;
        Directory = directory;
        _options = options;
        _time = time;
        _logger = logger;
        _segments = segments;
        var last = segments.Length > 0 ? segments[^1] : null;
        _lastSequence = last?.LastSequence ?? 0;
        _lastTicks = segments.Length > 0 ? segments.Max(s => s.MaxTicks) : 0;
        _committedSequence = _lastSequence;
        _activeMinTicks = last?.MinTicks ?? 0;
        _lastPointOffset = last is { Index.Length: > 0 } ? last.Index[^1].Offset : long.MinValue;
        _queue = Channel.CreateBounded<LogPendingBatch>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _writer = Task.Run(() => WriteLoopAsync(CancellationToken.None));
    }

    public string Id { get; }

    public string Directory { get; }

    public long CommittedSequence => Volatile.Read(ref _committedSequence);

    public bool IsDeleted => _deleted;

    internal LogSegment[] Segments => Volatile.Read(ref _segments);

    /// <summary>Completes at the next commit (or deletion); take it before reading so no commit is missed.</summary>
    internal Task Changed => Volatile.Read(ref _changed).Task;

    public static LogEnvironmentStore Open(string id, string directory, LogStoreOptions options, TimeProvider time, ILogger logger)
    {
        var segments = new List<LogSegment>();
        if (System.IO.Directory.Exists(directory))
        {
            foreach (var leftover in System.IO.Directory.EnumerateFiles(directory, "*.tmp"))
            {
                File.Delete(leftover);
            }

            var files = System.IO.Directory.EnumerateFiles(directory, "*.log")
                .Select(path => (Path: path, Ok: LogSegment.TryParseFileName(path, out var first), First: first))
                .Where(file => file.Ok)
                .OrderBy(file => file.First)
                .ToList();
            for (var i = 0; i < files.Count; i++)
            {
                var last = i == files.Count - 1;
                var segment = LogSegmentFiles.Open(files[i].Path, files[i].First, scan: last, options.IndexIntervalBytes, out var trimmed);
                if (trimmed > 0)
                {
                    LogStoreLog.TrimmedTornTail(logger, id, Path.GetFileName(files[i].Path), trimmed);
                }

                if (!last && !segment.HasEntries)
                {
                    DeleteFiles(segment);
                    continue;
                }

                if (!last)
                {
                    LogSegmentFiles.WriteIndex(segment);
                }

                segments.Add(segment);
            }
        }

        return new LogEnvironmentStore(id, directory, options, time, logger, [.. segments]);
    }

    /// <summary>Drops closed segments that are entirely older than the age limit, then the oldest while over the size limit.</summary>
    public void ApplyRetention()
    {
        var cutoff = _time.GetUtcNow().UtcTicks - _options.MaxAge.Ticks;
        var removed = new List<LogSegment>();
        lock (_gate)
        {
            var kept = _segments.ToList();
            var total = kept.Sum(s => s.DiskBytes);
            while (kept.Count > 1 && (kept[0].MaxTicks < cutoff || total > _options.MaxBytesPerEnvironment))
            {
                total -= kept[0].DiskBytes;
                removed.Add(kept[0]);
                kept.RemoveAt(0);
            }

            if (removed.Count > 0)
            {
                Volatile.Write(ref _segments, [.. kept]);
            }
        }

        foreach (var segment in removed)
        {
            DeleteFiles(segment);
        }
    }

    /// <summary>Stops the writer (after it has written what is queued), wakes followers and removes the directory.</summary>
    public async Task DeleteAsync(CancellationToken cancellationToken)
    {
        _deleted = true;
        _queue.Writer.TryComplete();
        await _writer.WaitAsync(cancellationToken);
        Signal();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    /// <summary>Finishes the queued writes and closes the active segment.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await _writer.WaitAsync(cancellationToken);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static void DeleteFiles(LogSegment segment)
    {
        File.Delete(segment.Path);
        File.Delete(segment.IndexPath);
    }

    private void Signal() => Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();
}
