using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace Widemesh.Provider.Cty;

/// <summary>Reads msgpack items from a buffer; every malformed input throws <see cref="CtyFormatException"/>.</summary>
internal ref struct MsgPackReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public MsgPackReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    public readonly bool End => _position >= _data.Length;

    public readonly int Position => _position;

    public readonly MsgPackToken PeekToken()
    {
        if (End)
        {
            throw Truncated();
        }

        var code = _data[_position];
        return code switch
        {
            <= 0x7f or >= 0xe0 => MsgPackToken.Integer,
            >= 0x80 and <= 0x8f => MsgPackToken.Map,
            >= 0x90 and <= 0x9f => MsgPackToken.Array,
            >= 0xa0 and <= 0xbf => MsgPackToken.String,
            0xc0 => MsgPackToken.Nil,
            0xc2 or 0xc3 => MsgPackToken.Bool,
            0xc4 or 0xc5 or 0xc6 => MsgPackToken.Binary,
            0xc7 or 0xc8 or 0xc9 or (>= 0xd4 and <= 0xd8) => MsgPackToken.Extension,
            0xca or 0xcb => MsgPackToken.Float,
            >= 0xcc and <= 0xd3 => MsgPackToken.Integer,
            0xd9 or 0xda or 0xdb => MsgPackToken.String,
            0xdc or 0xdd => MsgPackToken.Array,
            0xde or 0xdf => MsgPackToken.Map,
            _ => MsgPackToken.Invalid,
        };
    }

    public void ReadNil()
    {
        if (ReadByte() != 0xc0)
        {
            throw Unexpected("nil");
        }
    }

    public bool TryReadNil()
    {
        if (!End && _data[_position] == 0xc0)
        {
            _position++;
            return true;
        }

        return false;
    }

    public bool ReadBool() => ReadByte() switch
    {
        0xc2 => false,
        0xc3 => true,
        _ => throw Unexpected("bool"),
    };

    public BigInteger ReadInteger()
    {
        var code = ReadByte();
        return code switch
        {
            <= 0x7f => code,
            >= 0xe0 => (sbyte)code,
            0xcc => ReadByte(),
            0xcd => BinaryPrimitives.ReadUInt16BigEndian(Take(2)),
            0xce => BinaryPrimitives.ReadUInt32BigEndian(Take(4)),
            0xcf => BinaryPrimitives.ReadUInt64BigEndian(Take(8)),
            0xd0 => (sbyte)ReadByte(),
            0xd1 => BinaryPrimitives.ReadInt16BigEndian(Take(2)),
            0xd2 => BinaryPrimitives.ReadInt32BigEndian(Take(4)),
            0xd3 => BinaryPrimitives.ReadInt64BigEndian(Take(8)),
            _ => throw Unexpected("integer"),
        };
    }

    public double ReadFloat() => ReadByte() switch
    {
        0xca => BinaryPrimitives.ReadSingleBigEndian(Take(4)),
        0xcb => BinaryPrimitives.ReadDoubleBigEndian(Take(8)),
        _ => throw Unexpected("float"),
    };

    /// <summary>Reads a str or bin item as raw bytes.</summary>
    public ReadOnlySpan<byte> ReadStringOrBinary()
    {
        var code = ReadByte();
        int length = code switch
        {
            >= 0xa0 and <= 0xbf => code & 0x1f,
            0xd9 or 0xc4 => ReadByte(),
            0xda or 0xc5 => BinaryPrimitives.ReadUInt16BigEndian(Take(2)),
            0xdb or 0xc6 => CheckedLength(BinaryPrimitives.ReadUInt32BigEndian(Take(4))),
            _ => throw Unexpected("string"),
        };
        return Take(length);
    }

    public string ReadString()
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(ReadStringOrBinary());
        }
        catch (DecoderFallbackException ex)
        {
            throw new CtyFormatException("A string is not valid UTF-8.", ex);
        }
    }

    public int ReadArrayHeader()
    {
        var code = ReadByte();
        return code switch
        {
            >= 0x90 and <= 0x9f => code & 0x0f,
            0xdc => BinaryPrimitives.ReadUInt16BigEndian(Take(2)),
            0xdd => CheckedLength(BinaryPrimitives.ReadUInt32BigEndian(Take(4))),
            _ => throw Unexpected("array"),
        };
    }

    public int ReadMapHeader()
    {
        var code = ReadByte();
        return code switch
        {
            >= 0x80 and <= 0x8f => code & 0x0f,
            0xde => BinaryPrimitives.ReadUInt16BigEndian(Take(2)),
            0xdf => CheckedLength(BinaryPrimitives.ReadUInt32BigEndian(Take(4))),
            _ => throw Unexpected("map"),
        };
    }

    public ReadOnlySpan<byte> ReadExtension(out sbyte typeCode)
    {
        var code = ReadByte();
        int length = code switch
        {
            0xd4 => 1,
            0xd5 => 2,
            0xd6 => 4,
            0xd7 => 8,
            0xd8 => 16,
            0xc7 => ReadByte(),
            0xc8 => BinaryPrimitives.ReadUInt16BigEndian(Take(2)),
            0xc9 => CheckedLength(BinaryPrimitives.ReadUInt32BigEndian(Take(4))),
            _ => throw Unexpected("extension"),
        };
        typeCode = (sbyte)ReadByte();
        return Take(length);
    }

    /// <summary>Skips one complete item (used for ignored refinement keys).</summary>
    public void Skip()
    {
        switch (PeekToken())
        {
            case MsgPackToken.Nil:
            case MsgPackToken.Bool:
                _position++;
                break;
            case MsgPackToken.Integer:
                ReadInteger();
                break;
            case MsgPackToken.Float:
                ReadFloat();
                break;
            case MsgPackToken.String:
            case MsgPackToken.Binary:
                ReadStringOrBinary();
                break;
            case MsgPackToken.Array:
                for (var i = ReadArrayHeader(); i > 0; i--)
                {
                    Skip();
                }

                break;
            case MsgPackToken.Map:
                for (var i = ReadMapHeader() * 2; i > 0; i--)
                {
                    Skip();
                }

                break;
            case MsgPackToken.Extension:
                ReadExtension(out _);
                break;
            default:
                throw Unexpected("msgpack item");
        }
    }

    private byte ReadByte()
    {
        if (End)
        {
            throw Truncated();
        }

        return _data[_position++];
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || _position + count > _data.Length)
        {
            throw Truncated();
        }

        var slice = _data.Slice(_position, count);
        _position += count;
        return slice;
    }

    private readonly int CheckedLength(uint length) =>
        length > (uint)(_data.Length - _position) ? throw Truncated() : (int)length;

    private readonly CtyFormatException Truncated() =>
        new($"The msgpack data ends early (at byte {_position} of {_data.Length}).");

    private readonly CtyFormatException Unexpected(string expected) =>
        new($"Expected a msgpack {expected} at byte {Math.Max(0, _position - 1)}.");
}
