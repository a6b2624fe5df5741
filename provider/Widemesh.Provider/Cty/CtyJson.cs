using System.Buffers;
using System.Text.Json;

namespace Widemesh.Provider.Cty;

/// <summary>
/// The cty JSON encoding of protocol doc §3.6, used for <c>RawState.json</c> and state-file attributes:
/// numbers as plain decimal text (arbitrary precision), dynamic as <c>{"value","type"}</c>,
/// missing object attributes read as null.
/// </summary>
internal static class CtyJson
{
    public static byte[] Encode(CtyValue value, CtyType type)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value, type, CtyPath.Root);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Decodes JSON of the given type. With <paramref name="ignoreUnknownAttributes"/> attributes the
    /// type does not have are dropped (state written by an older schema), otherwise they are an error.
    /// </summary>
    public static CtyValue Decode(ReadOnlySpan<byte> json, CtyType type, bool ignoreUnknownAttributes = false)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray());
        }
        catch (JsonException ex)
        {
            throw new CtyFormatException($"The state is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            return Read(document.RootElement, type, CtyPath.Root, ignoreUnknownAttributes);
        }
    }

    private static void Write(Utf8JsonWriter writer, CtyValue value, CtyType type, CtyPath path)
    {
        if (value.IsUnknown)
        {
            throw new CtyFormatException("Unknown values cannot be written as JSON.", path);
        }

        if (type.Kind == CtyTypeKind.Dynamic)
        {
            if (value.IsNull)
            {
                writer.WriteNullValue();
                return;
            }

            writer.WriteStartObject();
            writer.WritePropertyName("value");
            Write(writer, value, value.Type, path);
            writer.WritePropertyName("type");
            CtyTypeJson.Write(writer, value.Type);
            writer.WriteEndObject();
            return;
        }

        if (value.IsNull)
        {
            writer.WriteNullValue();
            return;
        }

        switch (type.Kind)
        {
            case CtyTypeKind.String:
                writer.WriteStringValue(value.AsString());
                break;
            case CtyTypeKind.Number:
                var number = value.AsNumber();
                if (number.IsInfinity)
                {
                    throw new CtyFormatException("Infinity cannot be written as JSON.", path);
                }

                writer.WriteRawValue(number.ToString(), skipInputValidation: true);
                break;
            case CtyTypeKind.Bool:
                writer.WriteBooleanValue(value.AsBool());
                break;
            case CtyTypeKind.List or CtyTypeKind.Set or CtyTypeKind.Tuple:
                writer.WriteStartArray();
                for (var i = 0; i < value.Elements.Count; i++)
                {
                    var elementType = type.Kind == CtyTypeKind.Tuple ? type.TupleTypes[i] : type.ElementType!;
                    Write(writer, value.Elements[i], elementType, path.WithIndex(i));
                }

                writer.WriteEndArray();
                break;
            case CtyTypeKind.Map:
                writer.WriteStartObject();
                foreach (var (key, element) in value.Attributes)
                {
                    writer.WritePropertyName(key);
                    Write(writer, element, type.ElementType!, path.WithKey(key));
                }

                writer.WriteEndObject();
                break;
            case CtyTypeKind.Object:
                writer.WriteStartObject();
                foreach (var (name, attributeType) in type.AttributeTypes)
                {
                    writer.WritePropertyName(name);
                    var attribute = value.Attributes.TryGetValue(name, out var a) ? a : CtyValue.Null(attributeType);
                    Write(writer, attribute, attributeType, path.WithAttribute(name));
                }

                writer.WriteEndObject();
                break;
            default:
                throw new CtyFormatException($"Cannot encode a value of type {type}.", path);
        }
    }

    private static CtyValue Read(JsonElement element, CtyType type, CtyPath path, bool ignoreUnknown)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return CtyValue.Null(type);
        }

        switch (type.Kind)
        {
            case CtyTypeKind.Dynamic:
                if (element.ValueKind != JsonValueKind.Object
                    || !element.TryGetProperty("type", out var typeJson)
                    || !element.TryGetProperty("value", out var inner))
                {
                    throw new CtyFormatException("A dynamic value must be an object with \"value\" and \"type\".", path);
                }

                return Read(inner, CtyTypeJson.Read(typeJson), path, ignoreUnknown);
            case CtyTypeKind.String:
                return element.ValueKind switch
                {
                    JsonValueKind.String => CtyValue.String(element.GetString()!),
                    JsonValueKind.Number => CtyValue.String(element.GetRawText()),
                    JsonValueKind.True => CtyValue.String("true"),
                    JsonValueKind.False => CtyValue.String("false"),
                    _ => throw new CtyFormatException("A string is required.", path),
                };
            case CtyTypeKind.Number:
                var text = element.ValueKind switch
                {
                    JsonValueKind.Number => element.GetRawText(),
                    JsonValueKind.String => element.GetString()!,
                    _ => throw new CtyFormatException("A number is required.", path),
                };
                return CtyNumber.TryParse(text, out var number)
                    ? CtyValue.Number(number)
                    : throw new CtyFormatException($"\"{text}\" is not a number.", path);
            case CtyTypeKind.Bool:
                return element.ValueKind switch
                {
                    JsonValueKind.True => CtyValue.Bool(true),
                    JsonValueKind.False => CtyValue.Bool(false),
                    JsonValueKind.String when element.GetString() is "true" or "false" => CtyValue.Bool(element.GetString() == "true"),
                    _ => throw new CtyFormatException("A bool is required.", path),
                };
            case CtyTypeKind.List or CtyTypeKind.Set or CtyTypeKind.Tuple:
                if (element.ValueKind != JsonValueKind.Array)
                {
                    throw new CtyFormatException("An array is required.", path);
                }

                if (type.Kind == CtyTypeKind.Tuple && element.GetArrayLength() != type.TupleTypes.Count)
                {
                    throw new CtyFormatException($"A tuple of {type.TupleTypes.Count} elements is required.", path);
                }

                var items = element.EnumerateArray()
                    .Select((item, i) => Read(item, type.Kind == CtyTypeKind.Tuple ? type.TupleTypes[i] : type.ElementType!, path.WithIndex(i), ignoreUnknown))
                    .ToList();
                return type.Kind switch
                {
                    CtyTypeKind.List => CtyValue.List(type.ElementType!, items),
                    CtyTypeKind.Set => CtyValue.Set(type.ElementType!, items),
                    _ => CtyValue.Tuple(items),
                };
            case CtyTypeKind.Map:
                if (element.ValueKind != JsonValueKind.Object)
                {
                    throw new CtyFormatException("An object is required for a map.", path);
                }

                return CtyValue.Map(
                    type.ElementType!,
                    element.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, Read(p.Value, type.ElementType!, path.WithKey(p.Name), ignoreUnknown))));
            case CtyTypeKind.Object:
                if (element.ValueKind != JsonValueKind.Object)
                {
                    throw new CtyFormatException("An object is required.", path);
                }

                var attributes = new Dictionary<string, CtyValue>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    if (!type.AttributeTypes.TryGetValue(property.Name, out var attributeType))
                    {
                        if (ignoreUnknown)
                        {
                            continue;
                        }

                        throw new CtyFormatException($"Unsupported attribute \"{property.Name}\".", path);
                    }

                    attributes[property.Name] = Read(property.Value, attributeType, path.WithAttribute(property.Name), ignoreUnknown);
                }

                return CtyValue.Object(type, attributes);
            default:
                throw new CtyFormatException($"Unsupported type {type}.", path);
        }
    }
}
