using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Widemesh.Provider.Cty;

/// <summary>
/// The msgpack primitives go-cty emits (vmihailenco/msgpack with compact integers and
/// non-compact floats): smallest integer form, unsigned forms for non-negatives, float64 only.
/// </summary>
internal sealed class MsgPackWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    public void WriteNil() => WriteByte(0xc0);

    public void WriteBool(bool value) => WriteByte(value ? (byte)0xc3 : (byte)0xc2);

    public void WriteInt64(long value)
    {
        if (value >= 0)
        {
            WriteUInt64((ulong)value);
        }
        else if (value >= -32)
        {
            WriteByte(unchecked((byte)(sbyte)value));
        }
        else if (value >= sbyte.MinValue)
        {
            WriteByte(0xd0);
            WriteByte(unchecked((byte)(sbyte)value));
        }
        else if (value >= short.MinValue)
        {
            var span = Reserve(3, 0xd1);
            BinaryPrimitives.WriteInt16BigEndian(span, (short)value);
        }
        else if (value >= int.MinValue)
        {
            var span = Reserve(5, 0xd2);
            BinaryPrimitives.WriteInt32BigEndian(span, (int)value);
        }
        else
        {
            var span = Reserve(9, 0xd3);
            BinaryPrimitives.WriteInt64BigEndian(span, value);
        }
    }

    public void WriteUInt64(ulong value)
    {
        if (value <= 0x7f)
        {
            WriteByte((byte)value);
        }
        else if (value <= byte.MaxValue)
        {
            WriteByte(0xcc);
            WriteByte((byte)value);
        }
        else if (value <= ushort.MaxValue)
        {
            BinaryPrimitives.WriteUInt16BigEndian(Reserve(3, 0xcd), (ushort)value);
        }
        else if (value <= uint.MaxValue)
        {
            BinaryPrimitives.WriteUInt32BigEndian(Reserve(5, 0xce), (uint)value);
        }
        else
        {
            BinaryPrimitives.WriteUInt64BigEndian(Reserve(9, 0xcf), value);
        }
    }

    public void WriteFloat64(double value) => BinaryPrimitives.WriteDoubleBigEndian(Reserve(9, 0xcb), value);

    public void WriteString(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        if (bytes.Length <= 31)
        {
            WriteByte((byte)(0xa0 | bytes.Length));
        }
        else
        {
            WriteLengthHeader(bytes.Length, 0xd9, 0xda, 0xdb);
        }

        WriteRaw(bytes);
    }

    public void WriteBinary(ReadOnlySpan<byte> bytes)
    {
        WriteLengthHeader(bytes.Length, 0xc4, 0xc5, 0xc6);
        WriteRaw(bytes);
    }

    public void WriteArrayHeader(int count)
    {
        if (count <= 15)
        {
            WriteByte((byte)(0x90 | count));
        }
        else if (count <= ushort.MaxValue)
        {
            BinaryPrimitives.WriteUInt16BigEndian(Reserve(3, 0xdc), (ushort)count);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(Reserve(5, 0xdd), (uint)count);
        }
    }

    public void WriteMapHeader(int count)
    {
        if (count <= 15)
        {
            WriteByte((byte)(0x80 | count));
        }
        else if (count <= ushort.MaxValue)
        {
            BinaryPrimitives.WriteUInt16BigEndian(Reserve(3, 0xde), (ushort)count);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(Reserve(5, 0xdf), (uint)count);
        }
    }

    /// <summary>An extension value, framed like vmihailenco: fixext for 1/2/4/8/16 bytes, else ext8/16/32.</summary>
    public void WriteExtension(sbyte typeCode, ReadOnlySpan<byte> payload)
    {
        byte? fixedHeader = payload.Length switch
        {
            1 => 0xd4,
            2 => 0xd5,
            4 => 0xd6,
            8 => 0xd7,
            16 => 0xd8,
            _ => null,
        };
        if (fixedHeader is { } header)
        {
            WriteByte(header);
        }
        else
        {
            WriteLengthHeader(payload.Length, 0xc7, 0xc8, 0xc9);
        }

        WriteByte(unchecked((byte)typeCode));
        WriteRaw(payload);
    }

    public void WriteRaw(ReadOnlySpan<byte> bytes) => _buffer.Write(bytes);

    private void WriteLengthHeader(int length, byte code8, byte code16, byte code32)
    {
        if (length <= byte.MaxValue)
        {
            WriteByte(code8);
            WriteByte((byte)length);
        }
        else if (length <= ushort.MaxValue)
        {
            BinaryPrimitives.WriteUInt16BigEndian(Reserve(3, code16), (ushort)length);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(Reserve(5, code32), (uint)length);
        }
    }

    private void WriteByte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    /// <summary>Writes the code byte and returns the next <paramref name="size"/> - 1 bytes to fill.</summary>
    private Span<byte> Reserve(int size, byte code)
    {
        var span = _buffer.GetSpan(size)[..size];
        span[0] = code;
        _buffer.Advance(size);
        return span[1..];
    }
}
