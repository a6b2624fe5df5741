using System.Text;
using System.Text.Json;

namespace Widemesh.Testing.Terraform.Cty;

/// <summary>go-cty's JSON encoding of values (protocol doc §3.6), used for <c>RawState.json</c>.</summary>
public static class CtyJson
{
    public static byte[] Encode(CtyValue value, CtyType type)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value, type);
        }

        return buffer.ToArray();
    }

    public static CtyValue Decode(ReadOnlySpan<byte> json, CtyType type)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            return Read(document.RootElement, type, "");
        }
        catch (JsonException ex)
        {
            throw new CtyException($"state JSON is not valid JSON: {ex.Message}", ex);
        }
    }

    private static void Write(Utf8JsonWriter writer, CtyValue value, CtyType type)
    {
        if (value.IsUnknown)
        {
            throw new CtyException("unknown values cannot be written as JSON");
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
            Write(writer, value, value.Type);
            writer.WritePropertyName("type");
            value.Type.WriteJson(writer);
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
            case CtyTypeKind.String: writer.WriteStringValue(value.StringValue); break;
            case CtyTypeKind.Bool: writer.WriteBooleanValue(value.BoolValue == true); break;
            case CtyTypeKind.Number: writer.WriteRawValue(value.NumberValue!.Value.ToString(), skipInputValidation: true); break;
            case CtyTypeKind.List or CtyTypeKind.Set:
                writer.WriteStartArray();
                foreach (var element in value.Elements)
                {
                    Write(writer, element, type.Element!);
                }

                writer.WriteEndArray();
                break;
            case CtyTypeKind.Tuple:
                writer.WriteStartArray();
                for (var i = 0; i < value.Elements.Count; i++)
                {
                    Write(writer, value.Elements[i], type.TupleElements[i]);
                }

                writer.WriteEndArray();
                break;
            case CtyTypeKind.Map:
                writer.WriteStartObject();
                foreach (var (key, element) in value.Entries)
                {
                    writer.WritePropertyName(key);
                    Write(writer, element, type.Element!);
                }

                writer.WriteEndObject();
                break;
            default:
                writer.WriteStartObject();
                foreach (var (name, attributeType) in type.Attributes)
                {
                    writer.WritePropertyName(name);
                    Write(writer, value.Entries.TryGetValue(name, out var v) ? v : CtyValue.Null(attributeType), attributeType);
                }

                writer.WriteEndObject();
                break;
        }
    }

    private static CtyValue Read(JsonElement element, CtyType type, string path)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return CtyValue.Null(type);
        }

        switch (type.Kind)
        {
            case CtyTypeKind.Dynamic:
                {
                    if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("value", out var inner) || !element.TryGetProperty("type", out var typeJson))
                    {
                        throw Error(path, "a dynamic value must be {\"value\": ..., \"type\": ...}");
                    }

                    var actualType = CtyType.ParseJson(Encoding.UTF8.GetBytes(typeJson.GetRawText()));
                    return Read(inner, actualType, path);
                }

            case CtyTypeKind.String:
                return element.ValueKind == JsonValueKind.String ? CtyValue.String(element.GetString()!) : throw Error(path, "string required");
            case CtyTypeKind.Bool:
                return element.ValueKind is JsonValueKind.True or JsonValueKind.False ? CtyValue.Bool(element.GetBoolean()) : throw Error(path, "bool required");
            case CtyTypeKind.Number:
                {
                    var text = element.ValueKind switch
                    {
                        JsonValueKind.Number => element.GetRawText(),
                        JsonValueKind.String => element.GetString()!,
                        _ => throw Error(path, "number required"),
                    };
                    return CtyNumber.TryParse(text, out var number) ? CtyValue.Number(number) : throw Error(path, $"\"{text}\" is not a number");
                }

            case CtyTypeKind.List or CtyTypeKind.Set or CtyTypeKind.Tuple:
                {
                    if (element.ValueKind != JsonValueKind.Array)
                    {
                        throw Error(path, $"{type} required");
                    }

                    var items = element.EnumerateArray().ToList();
                    if (type.Kind == CtyTypeKind.Tuple)
                    {
                        return items.Count == type.TupleElements.Count
                            ? CtyValue.Tuple(type.TupleElements, items.Select((e, i) => Read(e, type.TupleElements[i], $"{path}[{i}]")))
                            : throw Error(path, $"a tuple of length {type.TupleElements.Count} is required");
                    }

                    var values = items.Select((e, i) => Read(e, type.Element!, $"{path}[{i}]"));
                    return type.Kind == CtyTypeKind.List ? CtyValue.List(type.Element!, values) : CtyValue.Set(type.Element!, values);
                }

            case CtyTypeKind.Map:
                return element.ValueKind == JsonValueKind.Object
                    ? CtyValue.Map(type.Element!, element.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, Read(p.Value, type.Element!, $"{path}[\"{p.Name}\"]"))))
                    : throw Error(path, $"{type} required");
            default:
                {
                    if (element.ValueKind != JsonValueKind.Object)
                    {
                        throw Error(path, $"{type} required");
                    }

                    var attributes = new Dictionary<string, CtyValue>(StringComparer.Ordinal);
                    foreach (var property in element.EnumerateObject())
                    {
                        if (!type.Attributes.TryGetValue(property.Name, out var attributeType))
                        {
                            throw Error(path, $"unsupported attribute \"{property.Name}\"");
                        }

                        attributes[property.Name] = Read(property.Value, attributeType, $"{path}.{property.Name}");
                    }

                    return CtyValue.Object(type, attributes);
                }
        }
    }

    private static CtyException Error(string path, string message) =>
        new(path.Length == 0 ? message : $"{path}: {message}");
}
