using System.Buffers;
using System.Text;
using MessagePack;

namespace Widemesh.Testing.Terraform.Cty;

/// <summary>
/// go-cty's msgpack encoding (protocol doc §3.3–3.4), written independently of the provider's codec so the harness
/// catches codec bugs. <see cref="Decode"/> applies Terraform's decoding rules; with <c>strict</c> it also rejects
/// forms Terraform tolerates but no correct encoder produces (an empty refinement map).
/// </summary>
public static class CtyMsgpack
{
    private const sbyte RefinementExtension = 12;

    private static readonly byte[] UnknownBytes = [0xd4, 0x00, 0x00];

    public static byte[] Encode(CtyValue value, CtyType type)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        Write(ref writer, value, type);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Decodes a whole DynamicValue; empty input is a null value, like Terraform.</summary>
    public static CtyValue Decode(ReadOnlyMemory<byte> bytes, CtyType type, bool strict = false)
    {
        if (bytes.IsEmpty)
        {
            return CtyValue.Null(type);
        }

        var reader = new MessagePackReader(bytes);
        CtyValue value;
        try
        {
            value = Read(ref reader, type, "", strict);
        }
        catch (MessagePackSerializationException ex)
        {
            throw new CtyException($"msgpack is malformed: {ex.Message}", ex);
        }
        catch (EndOfStreamException ex)
        {
            throw new CtyException("msgpack ends early", ex);
        }

        if (!reader.End)
        {
            throw new CtyException($"msgpack has {bytes.Length - reader.Consumed} extra bytes after the value");
        }

        return value;
    }

    private static void Write(ref MessagePackWriter writer, CtyValue value, CtyType type)
    {
        if (value.IsUnknown)
        {
            if (type.Kind == CtyTypeKind.Dynamic && value.Type.Kind != CtyTypeKind.Dynamic)
            {
                writer.WriteArrayHeader(2);
                writer.Write(Encoding.UTF8.GetBytes(value.Type.ToJson()));
            }

            WriteUnknown(ref writer, value);
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
            writer.Write(Encoding.UTF8.GetBytes(value.Type.ToJson()));
            Write(ref writer, value, value.Type);
            return;
        }

        switch (type.Kind)
        {
            case CtyTypeKind.String:
                writer.Write(value.StringValue);
                break;
            case CtyTypeKind.Bool:
                writer.Write(value.BoolValue == true);
                break;
            case CtyTypeKind.Number:
                WriteNumber(ref writer, value.NumberValue!.Value);
                break;
            case CtyTypeKind.List or CtyTypeKind.Set:
                writer.WriteArrayHeader(value.Elements.Count);
                foreach (var element in value.Elements)
                {
                    Write(ref writer, element, type.Element!);
                }

                break;
            case CtyTypeKind.Tuple:
                writer.WriteArrayHeader(value.Elements.Count);
                for (var i = 0; i < value.Elements.Count; i++)
                {
                    Write(ref writer, value.Elements[i], type.TupleElements[i]);
                }

                break;
            case CtyTypeKind.Map:
                writer.WriteMapHeader(value.Entries.Count);
                foreach (var (key, element) in value.Entries)
                {
                    writer.Write(key);
                    Write(ref writer, element, type.Element!);
                }

                break;
            case CtyTypeKind.Object:
                writer.WriteMapHeader(type.Attributes.Count);
                foreach (var (name, attributeType) in type.Attributes)
                {
                    writer.Write(name);
                    Write(ref writer, value.Entries.TryGetValue(name, out var v) ? v : CtyValue.Null(attributeType), attributeType);
                }

                break;
            default:
                throw new InvalidOperationException($"cannot encode {type}");
        }
    }

    private static void WriteNumber(ref MessagePackWriter writer, CtyNumber number)
    {
        if (number.IsInteger)
        {
            var integer = number.Mantissa * System.Numerics.BigInteger.Pow(10, number.Exponent);
            if (integer >= long.MinValue && integer <= long.MaxValue)
            {
                writer.Write((long)integer);
                return;
            }

            if (integer.Sign > 0 && integer <= ulong.MaxValue)
            {
                writer.Write((ulong)integer);
                return;
            }
        }

        if (number.TryToExactDouble(out var d))
        {
            writer.Write(d);
            return;
        }

        writer.Write(number.ToString());
    }

    private static void WriteUnknown(ref MessagePackWriter writer, CtyValue value)
    {
        var refinement = value.Refinement;
        if (refinement is null || refinement.IsEmpty)
        {
            writer.WriteRaw(UnknownBytes);
            return;
        }

        var payloadBuffer = new ArrayBufferWriter<byte>();
        var payload = new MessagePackWriter(payloadBuffer);
        var count = (refinement.DefinitelyNotNull is null ? 0 : 1) + (refinement.StringPrefix is null ? 0 : 1)
            + (refinement.LowerBound is null ? 0 : 1) + (refinement.UpperBound is null ? 0 : 1)
            + (refinement.LengthLowerBound is null ? 0 : 1) + (refinement.LengthUpperBound is null ? 0 : 1);
        payload.WriteMapHeader(count);
        if (refinement.DefinitelyNotNull is { } notNull)
        {
            payload.Write(1);
            payload.Write(!notNull);
        }

        if (refinement.StringPrefix is { } prefix)
        {
            payload.Write(2);
            payload.Write(prefix);
        }

        if (refinement.LowerBound is { } lower)
        {
            payload.Write(3);
            payload.WriteArrayHeader(2);
            WriteNumber(ref payload, lower.Value);
            payload.Write(lower.Inclusive);
        }

        if (refinement.UpperBound is { } upper)
        {
            payload.Write(4);
            payload.WriteArrayHeader(2);
            WriteNumber(ref payload, upper.Value);
            payload.Write(upper.Inclusive);
        }

        if (refinement.LengthLowerBound is { } minLength)
        {
            payload.Write(5);
            payload.Write(minLength);
        }

        if (refinement.LengthUpperBound is { } maxLength)
        {
            payload.Write(6);
            payload.Write(maxLength);
        }

        payload.Flush();
        writer.WriteExtensionFormatHeader(new ExtensionHeader(RefinementExtension, (uint)payloadBuffer.WrittenCount));
        writer.WriteRaw(payloadBuffer.WrittenSpan);
    }

    private static CtyValue Read(ref MessagePackReader reader, CtyType type, string path, bool strict)
    {
        if (reader.NextMessagePackType == MessagePackType.Extension)
        {
            return ReadUnknown(ref reader, type, path, strict);
        }

        if (reader.TryReadNil())
        {
            return CtyValue.Null(type);
        }

        switch (type.Kind)
        {
            case CtyTypeKind.Dynamic:
                return ReadDynamic(ref reader, path, strict);
            case CtyTypeKind.String:
                return CtyValue.String(ReadText(ref reader, path));
            case CtyTypeKind.Bool:
                if (reader.NextMessagePackType != MessagePackType.Boolean)
                {
                    throw Error(path, $"bool required, got msgpack {reader.NextMessagePackType}");
                }

                return CtyValue.Bool(reader.ReadBoolean());
            case CtyTypeKind.Number:
                return CtyValue.Number(ReadNumber(ref reader, path));
            case CtyTypeKind.List or CtyTypeKind.Set:
                {
                    var count = ReadArrayHeader(ref reader, path, type);
                    var elements = new List<CtyValue>(count);
                    for (var i = 0; i < count; i++)
                    {
                        elements.Add(Read(ref reader, type.Element!, type.Kind == CtyTypeKind.Set ? path + "[set element]" : $"{path}[{i}]", strict));
                    }

                    return type.Kind == CtyTypeKind.List ? CtyValue.List(type.Element!, elements) : CtyValue.Set(type.Element!, elements);
                }

            case CtyTypeKind.Tuple:
                {
                    var count = ReadArrayHeader(ref reader, path, type);
                    if (count != type.TupleElements.Count)
                    {
                        throw Error(path, $"a tuple of length {type.TupleElements.Count} is required ({count} given)");
                    }

                    var elements = new List<CtyValue>(count);
                    for (var i = 0; i < count; i++)
                    {
                        elements.Add(Read(ref reader, type.TupleElements[i], $"{path}[{i}]", strict));
                    }

                    return CtyValue.Tuple(type.TupleElements, elements);
                }

            case CtyTypeKind.Map:
                {
                    var count = ReadMapHeader(ref reader, path, type);
                    var entries = new List<KeyValuePair<string, CtyValue>>(count);
                    for (var i = 0; i < count; i++)
                    {
                        var key = ReadText(ref reader, path);
                        entries.Add(KeyValuePair.Create(key, Read(ref reader, type.Element!, $"{path}[\"{key}\"]", strict)));
                    }

                    return CtyValue.Map(type.Element!, entries);
                }

            case CtyTypeKind.Object:
                {
                    var count = ReadMapHeader(ref reader, path, type);
                    var entries = new Dictionary<string, CtyValue>(StringComparer.Ordinal);
                    for (var i = 0; i < count; i++)
                    {
                        var key = ReadText(ref reader, path);
                        if (!type.Attributes.TryGetValue(key, out var attributeType))
                        {
                            throw Error(path, $"unsupported attribute \"{key}\"");
                        }

                        if (!entries.TryAdd(key, Read(ref reader, attributeType, $"{path}.{key}", strict)))
                        {
                            throw Error(path, $"attribute \"{key}\" appears twice");
                        }
                    }

                    if (count != type.Attributes.Count)
                    {
                        throw Error(path, $"an object with {type.Attributes.Count} attributes is required ({count} given)");
                    }

                    return CtyValue.Object(type, entries);
                }

            default:
                throw new InvalidOperationException($"cannot decode {type}");
        }
    }

    private static CtyValue ReadDynamic(ref MessagePackReader reader, string path, bool strict)
    {
        if (reader.NextMessagePackType != MessagePackType.Array || reader.ReadArrayHeader() != 2)
        {
            throw Error(path, "a dynamic value must be a 2-element array [type JSON, value]");
        }

        var typeJson = reader.NextMessagePackType switch
        {
            MessagePackType.Binary => reader.ReadBytes()!.Value.ToArray(),
            MessagePackType.String => Encoding.UTF8.GetBytes(reader.ReadString()!),
            _ => throw Error(path, "the type of a dynamic value must be bytes"),
        };
        var type = CtyType.ParseJson(typeJson);
        return Read(ref reader, type, path, strict);
    }

    private static CtyValue ReadUnknown(ref MessagePackReader reader, CtyType type, string path, bool strict)
    {
        var header = reader.ReadExtensionFormatHeader();
        var payload = reader.ReadRaw(header.Length).ToArray();
        if (header.Length <= 1)
        {
            if (strict && header.TypeCode == RefinementExtension && payload is [0x80])
            {
                throw Error(path, "an unknown without refinements must be encoded as d4 00 00, not an empty refinement map");
            }

            return CtyValue.Unknown(type);
        }

        if (header.TypeCode != RefinementExtension)
        {
            throw Error(path, $"unsupported extension type {header.TypeCode} with a {header.Length}-byte payload");
        }

        var refinementReader = new MessagePackReader(payload);
        if (refinementReader.NextMessagePackType != MessagePackType.Map)
        {
            throw Error(path, "unknown value refinements must be a msgpack map");
        }

        var count = refinementReader.ReadMapHeader();
        if (count == 0 && strict)
        {
            throw Error(path, "an unknown without refinements must be encoded as d4 00 00, not an empty refinement map");
        }

        var refinement = new CtyRefinement();
        for (var i = 0; i < count; i++)
        {
            var key = refinementReader.ReadInt64();
            switch (key)
            {
                case 1:
                    refinement = refinement with { DefinitelyNotNull = !refinementReader.ReadBoolean() ? true : null };
                    break;
                case 2:
                    refinement = refinement with { StringPrefix = ReadText(ref refinementReader, path) };
                    break;
                case 3 or 4:
                    {
                        if (refinementReader.ReadArrayHeader() != 2)
                        {
                            throw Error(path, "a number bound refinement must be [number, inclusive]");
                        }

                        var bound = (ReadNumber(ref refinementReader, path), refinementReader.ReadBoolean());
                        refinement = key == 3 ? refinement with { LowerBound = bound } : refinement with { UpperBound = bound };
                        break;
                    }

                case 5:
                    refinement = refinement with { LengthLowerBound = refinementReader.ReadInt64() };
                    break;
                case 6:
                    refinement = refinement with { LengthUpperBound = refinementReader.ReadInt64() };
                    break;
                default:
                    refinementReader.Skip();
                    break;
            }
        }

        return CtyValue.Unknown(type, refinement);
    }

    private static CtyNumber ReadNumber(ref MessagePackReader reader, string path)
    {
        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Integer:
                return reader.NextCode == MessagePackCode.UInt64
                    ? CtyNumber.FromInteger(reader.ReadUInt64())
                    : CtyNumber.FromInteger(reader.ReadInt64());
            case MessagePackType.Float:
                return CtyNumber.FromDouble(reader.NextCode == MessagePackCode.Float32 ? reader.ReadSingle() : reader.ReadDouble());
            case MessagePackType.String or MessagePackType.Binary:
                {
                    var text = ReadText(ref reader, path);
                    return CtyNumber.TryParse(text, out var number) ? number : throw Error(path, $"\"{text}\" is not a number");
                }

            default:
                throw Error(path, $"number required, got msgpack {reader.NextMessagePackType}");
        }
    }

    private static string ReadText(ref MessagePackReader reader, string path) => reader.NextMessagePackType switch
    {
        MessagePackType.String => reader.ReadString()!,
        MessagePackType.Binary => Encoding.UTF8.GetString(reader.ReadBytes()!.Value.ToArray()),
        var other => throw Error(path, $"string required, got msgpack {other}"),
    };

    private static int ReadArrayHeader(ref MessagePackReader reader, string path, CtyType type) =>
        reader.NextMessagePackType == MessagePackType.Array
            ? reader.ReadArrayHeader()
            : throw Error(path, $"{type} required, got msgpack {reader.NextMessagePackType}");

    private static int ReadMapHeader(ref MessagePackReader reader, string path, CtyType type) =>
        reader.NextMessagePackType == MessagePackType.Map
            ? reader.ReadMapHeader()
            : throw Error(path, $"{type} required, got msgpack {reader.NextMessagePackType}");

    private static CtyException Error(string path, string message) =>
        new(path.Length == 0 ? message : $"{path}: {message}");
}
