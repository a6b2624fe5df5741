using System.Numerics;

namespace Widemesh.Provider.Cty;

/// <summary>
/// The cty msgpack encoding of protocol doc §3.3–3.5: the format of every <c>DynamicValue.msgpack</c>.
/// Encoding is byte-for-byte what go-cty writes; decoding accepts everything Terraform may send.
/// </summary>
internal static partial class CtyMsgPack
{
    private const sbyte RefinedUnknownExtension = 12;

    public static byte[] Encode(CtyValue value, CtyType type)
    {
        var writer = new MsgPackWriter();
        Write(writer, value, type, CtyPath.Root);
        return writer.ToArray();
    }

    public static CtyValue Decode(ReadOnlySpan<byte> data, CtyType type)
    {
        var reader = new MsgPackReader(data);
        var value = Read(ref reader, type, CtyPath.Root);
        if (!reader.End)
        {
            throw new CtyFormatException($"Unexpected data after the value (at byte {reader.Position} of {data.Length}).");
        }

        return value;
    }

    private static void Write(MsgPackWriter writer, CtyValue value, CtyType type, CtyPath path)
    {
        if (value.IsUnknown)
        {
            if (type.Kind == CtyTypeKind.Dynamic && value.Type.Kind != CtyTypeKind.Dynamic)
            {
                writer.WriteArrayHeader(2);
                writer.WriteBinary(CtyTypeJson.SerializeToUtf8(value.Type));
                WriteUnknown(writer, value);
                return;
            }

            WriteUnknown(writer, value);
            return;
        }

        if (value.IsNull)
        {
            writer.WriteNil();
            return;
        }

        if (type.Kind == CtyTypeKind.Dynamic)
        {
            writer.WriteArrayHeader(2);
            writer.WriteBinary(CtyTypeJson.SerializeToUtf8(value.Type));
            Write(writer, value, value.Type, path);
            return;
        }

        switch (type.Kind)
        {
            case CtyTypeKind.String:
                writer.WriteString(value.AsString());
                break;
            case CtyTypeKind.Number:
                WriteNumber(writer, value.AsNumber());
                break;
            case CtyTypeKind.Bool:
                writer.WriteBool(value.AsBool());
                break;
            case CtyTypeKind.List or CtyTypeKind.Set:
                writer.WriteArrayHeader(value.Elements.Count);
                for (var i = 0; i < value.Elements.Count; i++)
                {
                    Write(writer, value.Elements[i], type.ElementType!, path.WithIndex(i));
                }

                break;
            case CtyTypeKind.Tuple:
                if (value.Elements.Count != type.TupleTypes.Count)
                {
                    throw new CtyFormatException($"A tuple of {type.TupleTypes.Count} elements is required ({value.Elements.Count} given).", path);
                }

                writer.WriteArrayHeader(value.Elements.Count);
                for (var i = 0; i < value.Elements.Count; i++)
                {
                    Write(writer, value.Elements[i], type.TupleTypes[i], path.WithIndex(i));
                }

                break;
            case CtyTypeKind.Map:
                writer.WriteMapHeader(value.Attributes.Count);
                foreach (var (key, element) in value.Attributes)
                {
                    writer.WriteString(key);
                    Write(writer, element, type.ElementType!, path.WithKey(key));
                }

                break;
            case CtyTypeKind.Object:
                writer.WriteMapHeader(type.AttributeTypes.Count);
                foreach (var (name, attributeType) in type.AttributeTypes)
                {
                    writer.WriteString(name);
                    var attribute = value.Attributes.TryGetValue(name, out var a) ? a : CtyValue.Null(attributeType);
                    Write(writer, attribute, attributeType, path.WithAttribute(name));
                }

                break;
            default:
                throw new CtyFormatException($"Cannot encode a value of type {type}.", path);
        }
    }

    private static void WriteNumber(MsgPackWriter writer, CtyNumber number)
    {
        if (number.TryGetInt64(out var integer))
        {
            writer.WriteInt64(integer);
        }
        else if (number.IsInteger && number.Unscaled > 0 && number.Unscaled <= ulong.MaxValue)
        {
            writer.WriteUInt64((ulong)number.Unscaled);
        }
        else if (number.TryGetExactDouble(out var exact))
        {
            writer.WriteFloat64(exact);
        }
        else
        {
            writer.WriteString(number.ToString());
        }
    }

    private static void WriteUnknown(MsgPackWriter writer, CtyValue value)
    {
        var refinements = value.Refinements;
        if (refinements is null || refinements.IsEmpty)
        {
            writer.WriteExtension(0, [0]);
            return;
        }

        var payload = new MsgPackWriter();
        var count = (refinements.NotNull ? 1 : 0) + (refinements.StringPrefix is null ? 0 : 1)
            + (refinements.NumberLowerBound is null ? 0 : 1) + (refinements.NumberUpperBound is null ? 0 : 1)
            + (refinements.LengthLowerBound is null ? 0 : 1) + (refinements.LengthUpperBound is null ? 0 : 1);
        payload.WriteMapHeader(count);
        if (refinements.NotNull)
        {
            payload.WriteInt64(1);
            payload.WriteBool(false);
        }

        if (refinements.StringPrefix is { } prefix)
        {
            payload.WriteInt64(2);
            payload.WriteString(prefix);
        }

        WriteBound(payload, 3, refinements.NumberLowerBound);
        WriteBound(payload, 4, refinements.NumberUpperBound);
        if (refinements.LengthLowerBound is { } lower)
        {
            payload.WriteInt64(5);
            payload.WriteInt64(lower);
        }

        if (refinements.LengthUpperBound is { } upper)
        {
            payload.WriteInt64(6);
            payload.WriteInt64(upper);
        }

        writer.WriteExtension(RefinedUnknownExtension, payload.WrittenSpan);
    }

    private static void WriteBound(MsgPackWriter writer, int key, CtyNumberBound? bound)
    {
        if (bound is null)
        {
            return;
        }

        writer.WriteInt64(key);
        writer.WriteArrayHeader(2);
        WriteNumber(writer, bound.Value);
        writer.WriteBool(bound.Inclusive);
    }

    private static CtyNumber ReadNumber(ref MsgPackReader reader, CtyPath path)
    {
        switch (reader.PeekToken())
        {
            case MsgPackToken.Integer:
                return CtyNumber.FromBigInteger(reader.ReadInteger());
            case MsgPackToken.Float:
                return CtyNumber.FromDouble(reader.ReadFloat());
            case MsgPackToken.String or MsgPackToken.Binary:
                var text = reader.ReadString();
                return CtyNumber.TryParse(text, out var number)
                    ? number
                    : throw new CtyFormatException($"\"{text}\" is not a number.", path);
            default:
                throw new CtyFormatException("A number is required.", path);
        }
    }

    private static long ReadCount(ref MsgPackReader reader)
    {
        var value = reader.ReadInteger();
        return value > long.MaxValue ? long.MaxValue : value < long.MinValue ? long.MinValue : (long)value;
    }
}
