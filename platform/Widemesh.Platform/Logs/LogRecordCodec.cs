using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;

namespace Widemesh.Platform.Logs;

/// <summary>
/// The segment file format. A segment starts with <see cref="FileMagic"/>, then holds frames:
/// <c>u32 payload length | u32 CRC-32 of the payload | payload</c> (little endian). A payload is a run of records:
/// <c>i64 sequence | i64 received ticks | i64 source ticks (0 = none) | u8 kind | u8 stream | u8 flags (1 = continuation)
/// | u16 rack length | u16 source length | u16 instance length | u32 message length | rack | source | instance | message</c>,
/// strings in UTF-8. A frame whose length or CRC does not check out ends the readable part of a segment.
/// </summary>
internal static class LogRecordCodec
{
    public const int FrameHeaderBytes = 8;

    public const int RecordHeaderBytes = 37;

    /// <summary>Frames are closed at about this size; a reader never needs more than one frame in memory.</summary>
    public const int FrameTargetBytes = 256 * 1024;

    /// <summary>No frame can be larger than this; a larger length field means a damaged file.</summary>
    public const int MaxFrameBytes = 16 * 1024 * 1024;

    public const int MaxNameBytes = 1024;

    public static ReadOnlySpan<byte> FileMagic => "WMLOG01\n"u8;

    public static int MeasureRecord(in LogRecordNames names, int messageLength) =>
        RecordHeaderBytes + names.Rack.Length + names.Source.Length + names.Instance.Length + messageLength;

    /// <summary>Reserves a frame header; returns the position to pass to <see cref="EndFrame"/>.</summary>
    public static int BeginFrame(ArrayBufferWriter<byte> buffer)
    {
        var start = buffer.WrittenCount;
        buffer.GetSpan(FrameHeaderBytes)[..FrameHeaderBytes].Clear();
        buffer.Advance(FrameHeaderBytes);
        return start;
    }

    public static void EndFrame(ArrayBufferWriter<byte> buffer, int frameStart)
    {
        // ArrayBufferWriter exposes its written memory; the header was reserved by BeginFrame.
        var written = System.Runtime.InteropServices.MemoryMarshal.AsMemory(buffer.WrittenMemory).Span;
        var payload = written[(frameStart + FrameHeaderBytes)..];
        BinaryPrimitives.WriteUInt32LittleEndian(written[frameStart..], (uint)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(written[(frameStart + 4)..], Crc32.HashToUInt32(payload));
    }

    public static void WriteRecord(
        ArrayBufferWriter<byte> buffer, long sequence, long ticks, long sourceTicks, in LogRecordNames names, ReadOnlySpan<byte> message, bool continuation)
    {
        var size = MeasureRecord(names, message.Length);
        var span = buffer.GetSpan(size);
        BinaryPrimitives.WriteInt64LittleEndian(span, sequence);
        BinaryPrimitives.WriteInt64LittleEndian(span[8..], ticks);
        BinaryPrimitives.WriteInt64LittleEndian(span[16..], sourceTicks);
        span[24] = (byte)names.Kind;
        span[25] = (byte)names.Stream;
        span[26] = continuation ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt16LittleEndian(span[27..], (ushort)names.Rack.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(span[29..], (ushort)names.Source.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(span[31..], (ushort)names.Instance.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(span[33..], (uint)message.Length);
        var position = RecordHeaderBytes;
        names.Rack.CopyTo(span[position..]);
        position += names.Rack.Length;
        names.Source.CopyTo(span[position..]);
        position += names.Source.Length;
        names.Instance.CopyTo(span[position..]);
        position += names.Instance.Length;
        message.CopyTo(span[position..]);
        buffer.Advance(size);
    }

    /// <summary>Reads the frame at the start of <paramref name="data"/>; false when it is incomplete or damaged.</summary>
    public static bool TryReadFrame(ReadOnlySpan<byte> data, out int frameLength, out bool needMore)
    {
        frameLength = 0;
        needMore = false;
        if (data.Length < FrameHeaderBytes)
        {
            needMore = true;
            return false;
        }

        var payloadLength = BinaryPrimitives.ReadUInt32LittleEndian(data);
        if (payloadLength is 0 or > MaxFrameBytes)
        {
            return false;
        }

        if (data.Length < FrameHeaderBytes + payloadLength)
        {
            needMore = true;
            return false;
        }

        var payload = data.Slice(FrameHeaderBytes, (int)payloadLength);
        if (Crc32.HashToUInt32(payload) != BinaryPrimitives.ReadUInt32LittleEndian(data[4..]))
        {
            return false;
        }

        frameLength = FrameHeaderBytes + (int)payloadLength;
        return true;
    }

    /// <summary>Decodes the record at <paramref name="position"/> of a frame payload and moves past it.</summary>
    public static bool TryReadRecord(ReadOnlySpan<byte> payload, ref int position, out LogRecordView record)
    {
        record = default;
        var rest = payload[position..];
        if (rest.Length < RecordHeaderBytes)
        {
            return false;
        }

        int rackLength = BinaryPrimitives.ReadUInt16LittleEndian(rest[27..]);
        int sourceLength = BinaryPrimitives.ReadUInt16LittleEndian(rest[29..]);
        int instanceLength = BinaryPrimitives.ReadUInt16LittleEndian(rest[31..]);
        var messageLength = BinaryPrimitives.ReadUInt32LittleEndian(rest[33..]);
        var total = (long)RecordHeaderBytes + rackLength + sourceLength + instanceLength + messageLength;
        if (total > rest.Length || rest[24] is not (1 or 2) || rest[25] is not (1 or 2))
        {
            return false;
        }

        var strings = rest[RecordHeaderBytes..];
        record = new LogRecordView
        {
            Sequence = BinaryPrimitives.ReadInt64LittleEndian(rest),
            Ticks = BinaryPrimitives.ReadInt64LittleEndian(rest[8..]),
            SourceTicks = BinaryPrimitives.ReadInt64LittleEndian(rest[16..]),
            Kind = (LogSourceKind)rest[24],
            Stream = (LogStream)rest[25],
            Continuation = (rest[26] & 1) != 0,
            Rack = strings[..rackLength],
            Source = strings.Slice(rackLength, sourceLength),
            Instance = strings.Slice(rackLength + sourceLength, instanceLength),
            Message = strings.Slice(rackLength + sourceLength + instanceLength, (int)messageLength),
            Strings = strings[..(rackLength + sourceLength + instanceLength + (int)messageLength)],
        };
        position += (int)total;
        return true;
    }
}
