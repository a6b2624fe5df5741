using System.Globalization;

namespace Widemesh.Platform.Logs;

/// <summary>
/// One segment file of an environment and what is known about its committed part. Only the writer changes it
/// (through <see cref="Publish"/>); readers see the index and length it last published and never read past
/// <see cref="Length"/>.
/// </summary>
internal sealed class LogSegment
{
    private LogIndexPoint[] _index;
    private long _length;
    private long _lastSequence;
    private long _minTicks;
    private long _maxTicks;

    public LogSegment(string path, long firstSequence, long length, long lastSequence, long minTicks, long maxTicks, LogIndexPoint[] index)
    {
        Path = path;
        FirstSequence = firstSequence;
        _length = length;
        _lastSequence = lastSequence;
        _minTicks = minTicks;
        _maxTicks = maxTicks;
        _index = index;
    }

    public string Path { get; }

    public string IndexPath => System.IO.Path.ChangeExtension(Path, ".idx");

    /// <summary>The sequence number of the first entry the segment holds (or will hold); also its file name.</summary>
    public long FirstSequence { get; }

    public long Length => Volatile.Read(ref _length);

    public long LastSequence => Volatile.Read(ref _lastSequence);

    public long MinTicks => Volatile.Read(ref _minTicks);

    public long MaxTicks => Volatile.Read(ref _maxTicks);

    public bool HasEntries => LastSequence >= FirstSequence;

    public LogIndexPoint[] Index => Volatile.Read(ref _index);

    /// <summary>Bytes on disk, index file included.</summary>
    public long DiskBytes => Length + (Index.Length * 24L) + 64;

    public static string FileName(long firstSequence) =>
        firstSequence.ToString("D19", CultureInfo.InvariantCulture) + ".log";

    public static bool TryParseFileName(string path, out long firstSequence) =>
        long.TryParse(System.IO.Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out firstSequence);

    /// <summary>Makes newly flushed frames visible to readers; the length goes last.</summary>
    public void Publish(long length, long lastSequence, long minTicks, long maxTicks, IReadOnlyList<LogIndexPoint> newPoints)
    {
        if (newPoints.Count > 0)
        {
            Volatile.Write(ref _index, [.. _index, .. newPoints]);
        }

        Volatile.Write(ref _minTicks, minTicks);
        Volatile.Write(ref _maxTicks, maxTicks);
        Volatile.Write(ref _lastSequence, lastSequence);
        Volatile.Write(ref _length, length);
    }

    /// <summary>The last index point at or before <paramref name="ticks"/>, or the start of the segment.</summary>
    public long OffsetForTicks(long ticks)
    {
        var offset = (long)LogRecordCodec.FileMagic.Length;
        foreach (var point in Index)
        {
            if (point.Ticks >= ticks)
            {
                break;
            }

            offset = point.Offset;
        }

        return offset;
    }

    /// <summary>The last index point at or before <paramref name="sequence"/>, or the start of the segment.</summary>
    public long OffsetForSequence(long sequence)
    {
        var offset = (long)LogRecordCodec.FileMagic.Length;
        foreach (var point in Index)
        {
            if (point.Sequence > sequence)
            {
                break;
            }

            offset = point.Offset;
        }

        return offset;
    }
}
