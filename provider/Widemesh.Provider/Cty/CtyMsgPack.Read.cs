namespace Widemesh.Provider.Cty;

internal static partial class CtyMsgPack
{
    private static CtyValue Read(ref MsgPackReader reader, CtyType type, CtyPath path)
    {
        var token = reader.PeekToken();
        if (token == MsgPackToken.Extension)
        {
            return ReadUnknown(ref reader, type, path);
        }

        if (token == MsgPackToken.Nil)
        {
            reader.ReadNil();
            return CtyValue.Null(type);
        }

        try
        {
            return type.Kind switch
            {
                CtyTypeKind.Dynamic => ReadDynamic(ref reader, path),
                CtyTypeKind.String => token is MsgPackToken.String or MsgPackToken.Binary
                    ? CtyValue.String(reader.ReadString())
                    : throw new CtyFormatException("A string is required.", path),
                CtyTypeKind.Number => CtyValue.Number(ReadNumber(ref reader, path)),
                CtyTypeKind.Bool => token == MsgPackToken.Bool
                    ? CtyValue.Bool(reader.ReadBool())
                    : throw new CtyFormatException("A bool is required.", path),
                CtyTypeKind.List => CtyValue.List(type.ElementType!, ReadElements(ref reader, type, path)),
                CtyTypeKind.Set => CtyValue.Set(type.ElementType!, ReadElements(ref reader, type, path)),
                CtyTypeKind.Tuple => CtyValue.Tuple(ReadElements(ref reader, type, path)),
                CtyTypeKind.Map => ReadMap(ref reader, type, path),
                CtyTypeKind.Object => ReadObject(ref reader, type, path),
                _ => throw new CtyFormatException($"Unsupported type {type}.", path),
            };
        }
        catch (CtyFormatException ex) when (ex.Path.IsRoot && !path.IsRoot)
        {
            throw new CtyFormatException(ex.Message, path);
        }
    }

    private static CtyValue ReadDynamic(ref MsgPackReader reader, CtyPath path)
    {
        if (reader.PeekToken() != MsgPackToken.Array || reader.ReadArrayHeader() != 2)
        {
            throw new CtyFormatException("A dynamic value must be a two-element array of type JSON and value.", path);
        }

        var type = CtyTypeJson.Parse(reader.ReadStringOrBinary());
        return Read(ref reader, type, path);
    }

    private static List<CtyValue> ReadElements(ref MsgPackReader reader, CtyType type, CtyPath path)
    {
        if (reader.PeekToken() != MsgPackToken.Array)
        {
            throw new CtyFormatException($"A {(type.Kind == CtyTypeKind.Tuple ? "tuple" : "list or set")} (msgpack array) is required.", path);
        }

        var count = reader.ReadArrayHeader();
        if (type.Kind == CtyTypeKind.Tuple && count != type.TupleTypes.Count)
        {
            throw new CtyFormatException($"A tuple of {type.TupleTypes.Count} elements is required ({count} given).", path);
        }

        var elements = new List<CtyValue>(count);
        for (var i = 0; i < count; i++)
        {
            var elementType = type.Kind == CtyTypeKind.Tuple ? type.TupleTypes[i] : type.ElementType!;
            elements.Add(Read(ref reader, elementType, path.WithIndex(i)));
        }

        return elements;
    }

    private static CtyValue ReadMap(ref MsgPackReader reader, CtyType type, CtyPath path)
    {
        if (reader.PeekToken() != MsgPackToken.Map)
        {
            throw new CtyFormatException("A map is required.", path);
        }

        var count = reader.ReadMapHeader();
        var entries = new Dictionary<string, CtyValue>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadString();
            entries[key] = Read(ref reader, type.ElementType!, path.WithKey(key));
        }

        return CtyValue.Map(type.ElementType!, entries);
    }

    private static CtyValue ReadObject(ref MsgPackReader reader, CtyType type, CtyPath path)
    {
        if (reader.PeekToken() != MsgPackToken.Map)
        {
            throw new CtyFormatException("An object (msgpack map) is required.", path);
        }

        var count = reader.ReadMapHeader();
        if (count != type.AttributeTypes.Count)
        {
            throw new CtyFormatException(
                $"An object with {type.AttributeTypes.Count} attributes is required ({count} given).", path);
        }

        var attributes = new Dictionary<string, CtyValue>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var name = reader.ReadString();
            if (!type.AttributeTypes.TryGetValue(name, out var attributeType))
            {
                throw new CtyFormatException($"Unsupported attribute \"{name}\".", path);
            }

            if (!attributes.TryAdd(name, Read(ref reader, attributeType, path.WithAttribute(name))))
            {
                throw new CtyFormatException($"Attribute \"{name}\" appears twice.", path);
            }
        }

        return CtyValue.Object(type, attributes);
    }

    private static CtyValue ReadUnknown(ref MsgPackReader reader, CtyType type, CtyPath path)
    {
        var payload = reader.ReadExtension(out var typeCode);
        if (payload.Length <= 1)
        {
            return CtyValue.Unknown(type);
        }

        if (typeCode != RefinedUnknownExtension)
        {
            throw new CtyFormatException($"Unsupported msgpack extension type {typeCode}.", path);
        }

        var refinements = new CtyRefinements();
        var inner = new MsgPackReader(payload);
        var count = inner.ReadMapHeader();
        for (var i = 0; i < count; i++)
        {
            if (inner.PeekToken() != MsgPackToken.Integer)
            {
                inner.Skip();
                inner.Skip();
                continue;
            }

            var key = ReadCount(ref inner);
            if (key == 1)
            {
                refinements = refinements with { NotNull = inner.PeekToken() == MsgPackToken.Bool ? !inner.ReadBool() : SkipFalse(ref inner) };
            }
            else if (key == 2)
            {
                refinements = refinements with { StringPrefix = inner.ReadString() };
            }
            else if (key is 3 or 4)
            {
                if (inner.ReadArrayHeader() != 2)
                {
                    throw new CtyFormatException("A number bound refinement must be [number, inclusive].", path);
                }

                var bound = new CtyNumberBound(ReadNumber(ref inner, path), inner.ReadBool());
                refinements = key == 3 ? refinements with { NumberLowerBound = bound } : refinements with { NumberUpperBound = bound };
            }
            else if (key is 5 or 6)
            {
                var length = ReadCount(ref inner);
                refinements = key == 5 ? refinements with { LengthLowerBound = length } : refinements with { LengthUpperBound = length };
            }
            else
            {
                inner.Skip();
            }
        }

        return CtyValue.Unknown(type, refinements);
    }

    private static bool SkipFalse(ref MsgPackReader reader)
    {
        reader.Skip();
        return false;
    }
}
