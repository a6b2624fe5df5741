using System.Buffers.Binary;
using System.IO.Hashing;
using Microsoft.Win32.SafeHandles;

namespace Widemesh.Platform.Logs;

/// <summary>
/// Opens segment files at start-up: reads the small <c>.idx</c> file of a closed segment, or scans the segment
/// (always the newest one) frame by frame, checks every CRC and cuts off a torn or damaged tail.
/// </summary>
internal static class LogSegmentFiles
{
    private const int ScanChunkBytes = 1024 * 1024;

    private static ReadOnlySpan<byte> IndexMagic => "WMIDX01\n"u8;

    /// <summary>Opens a segment; <paramref name="trimmedBytes"/> tells how much of a damaged tail was cut off.</summary>
    public static LogSegment Open(string path, long firstSequence, bool scan, int indexIntervalBytes, out long trimmedBytes)
    {
        trimmedBytes = 0;
        if (!scan && TryReadIndex(path, firstSequence, out var indexed))
        {
            return indexed;
        }

        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        var fileLength = RandomAccess.GetLength(handle);
        var magic = LogRecordCodec.FileMagic;
        Span<byte> head = stackalloc byte[magic.Length];
        if (fileLength < magic.Length || RandomAccess.Read(handle, head, 0) < magic.Length || !head.SequenceEqual(magic))
        {
            RandomAccess.SetLength(handle, 0);
            RandomAccess.Write(handle, magic, 0);
            trimmedBytes = fileLength;
            return new LogSegment(path, firstSequence, magic.Length, firstSequence - 1, 0, 0, []);
        }

        var segment = Scan(handle, path, firstSequence, fileLength, indexIntervalBytes);
        if (segment.Length < fileLength)
        {
            RandomAccess.SetLength(handle, segment.Length);
            trimmedBytes = fileLength - segment.Length;
        }

        File.Delete(segment.IndexPath);
        return segment;
    }

    /// <summary>Writes the index of a closed segment next to it (via a temporary file and a rename).</summary>
    public static void WriteIndex(LogSegment segment)
    {
        var points = segment.Index;
        var bytes = new byte[IndexMagic.Length + (5 * 8) + 4 + (points.Length * 24) + 4];
        IndexMagic.CopyTo(bytes);
        var span = bytes.AsSpan(IndexMagic.Length);
        BinaryPrimitives.WriteInt64LittleEndian(span, segment.FirstSequence);
        BinaryPrimitives.WriteInt64LittleEndian(span[8..], segment.LastSequence);
        BinaryPrimitives.WriteInt64LittleEndian(span[16..], segment.MinTicks);
        BinaryPrimitives.WriteInt64LittleEndian(span[24..], segment.MaxTicks);
        BinaryPrimitives.WriteInt64LittleEndian(span[32..], segment.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], points.Length);
        var position = 44;
        foreach (var point in points)
        {
            BinaryPrimitives.WriteInt64LittleEndian(span[position..], point.Offset);
            BinaryPrimitives.WriteInt64LittleEndian(span[(position + 8)..], point.Sequence);
            BinaryPrimitives.WriteInt64LittleEndian(span[(position + 16)..], point.Ticks);
            position += 24;
        }

        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4), Crc32.HashToUInt32(bytes.AsSpan(0, bytes.Length - 4)));
        var temporary = segment.IndexPath + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, segment.IndexPath, overwrite: true);
    }

    private static bool TryReadIndex(string path, long firstSequence, out LogSegment segment)
    {
        segment = new LogSegment(path, firstSequence, 0, 0, 0, 0, []);
        var indexPath = segment.IndexPath;
        if (!File.Exists(indexPath))
        {
            return false;
        }

        var bytes = File.ReadAllBytes(indexPath);
        if (bytes.Length < IndexMagic.Length + 48 || !bytes.AsSpan().StartsWith(IndexMagic)
            || Crc32.HashToUInt32(bytes.AsSpan(0, bytes.Length - 4)) != BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4)))
        {
            return false;
        }

        var span = bytes.AsSpan(IndexMagic.Length);
        var count = BinaryPrimitives.ReadInt32LittleEndian(span[40..]);
        var length = BinaryPrimitives.ReadInt64LittleEndian(span[32..]);
        if (count < 0 || bytes.Length != IndexMagic.Length + 48 + (count * 24) || BinaryPrimitives.ReadInt64LittleEndian(span) != firstSequence
            || new FileInfo(path).Length != length)
        {
            return false;
        }

        var points = new LogIndexPoint[count];
        for (var i = 0; i < count; i++)
        {
            var at = span[(44 + (i * 24))..];
            points[i] = new LogIndexPoint(BinaryPrimitives.ReadInt64LittleEndian(at), BinaryPrimitives.ReadInt64LittleEndian(at[8..]), BinaryPrimitives.ReadInt64LittleEndian(at[16..]));
        }

        segment = new LogSegment(
            path,
            firstSequence,
            length,
            BinaryPrimitives.ReadInt64LittleEndian(span[8..]),
            BinaryPrimitives.ReadInt64LittleEndian(span[16..]),
            BinaryPrimitives.ReadInt64LittleEndian(span[24..]),
            points);
        return true;
    }

    private static LogSegment Scan(SafeFileHandle handle, string path, long firstSequence, long fileLength, int indexIntervalBytes)
    {
        var points = new List<LogIndexPoint>();
        long offset = LogRecordCodec.FileMagic.Length;
        long lastSequence = firstSequence - 1;
        long minTicks = 0;
        long maxTicks = 0;
        var lastPointOffset = long.MinValue;
        var buffer = new byte[ScanChunkBytes];
        while (offset < fileLength)
        {
            var want = (int)Math.Min(buffer.Length, fileLength - offset);
            var read = RandomAccess.Read(handle, buffer.AsSpan(0, want), offset);
            var data = buffer.AsSpan(0, read);
            var consumed = 0;
            var damaged = false;
            var grown = false;
            while (true)
            {
                if (!LogRecordCodec.TryReadFrame(data[consumed..], out var frameLength, out var needMore))
                {
                    damaged = !needMore;
                    if (needMore && data.Length - consumed >= LogRecordCodec.FrameHeaderBytes)
                    {
                        var needed = LogRecordCodec.FrameHeaderBytes + (int)BinaryPrimitives.ReadUInt32LittleEndian(data[consumed..]);
                        if (offset + consumed + needed > fileLength)
                        {
                            damaged = true;
                        }
                        else if (needed > buffer.Length)
                        {
                            buffer = new byte[needed];
                            grown = true;
                        }
                    }
                    else if (needMore && offset + consumed + LogRecordCodec.FrameHeaderBytes > fileLength)
                    {
                        damaged = true;
                    }

                    break;
                }

                var payload = data.Slice(consumed + LogRecordCodec.FrameHeaderBytes, frameLength - LogRecordCodec.FrameHeaderBytes);
                if (!TryCheckRecords(payload, ref lastSequence, ref minTicks, ref maxTicks, out var frameSequence, out var frameTicks))
                {
                    damaged = true;
                    break;
                }

                var frameOffset = offset + consumed;
                if (frameOffset - lastPointOffset >= indexIntervalBytes)
                {
                    points.Add(new LogIndexPoint(frameOffset, frameSequence, frameTicks));
                    lastPointOffset = frameOffset;
                }

                consumed += frameLength;
            }

            offset += consumed;
            if (damaged || (consumed == 0 && !grown))
            {
                break;
            }
        }

        return new LogSegment(path, firstSequence, offset, lastSequence, minTicks, maxTicks, [.. points]);
    }

    private static bool TryCheckRecords(ReadOnlySpan<byte> payload, ref long lastSequence, ref long minTicks, ref long maxTicks, out long frameSequence, out long frameTicks)
    {
        frameSequence = 0;
        frameTicks = 0;
        var position = 0;
        var sequence = lastSequence;
        var min = minTicks;
        var max = maxTicks;
        var first = true;
        while (position < payload.Length)
        {
            if (!LogRecordCodec.TryReadRecord(payload, ref position, out var record) || record.Sequence <= sequence || record.Ticks < max)
            {
                return false;
            }

            if (first)
            {
                frameSequence = record.Sequence;
                frameTicks = record.Ticks;
                first = false;
            }

            min = min == 0 ? record.Ticks : min;
            max = record.Ticks;
            sequence = record.Sequence;
        }

        lastSequence = sequence;
        minTicks = min;
        maxTicks = max;
        return !first;
    }
}
