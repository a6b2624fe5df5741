using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Widemesh.Provider.Cty;

/// <summary>Reads and writes the type JSON of protocol doc §3.1 (<c>"string"</c>, <c>["list","string"]</c>, …).</summary>
internal static class CtyTypeJson
{
    public static string Serialize(CtyType type) => Encoding.UTF8.GetString(SerializeToUtf8(type));

    public static byte[] SerializeToUtf8(CtyType type)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, type);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static void Write(Utf8JsonWriter writer, CtyType type)
    {
        switch (type.Kind)
        {
            case CtyTypeKind.String:
                writer.WriteStringValue("string");
                break;
            case CtyTypeKind.Number:
                writer.WriteStringValue("number");
                break;
            case CtyTypeKind.Bool:
                writer.WriteStringValue("bool");
                break;
            case CtyTypeKind.Dynamic:
                writer.WriteStringValue("dynamic");
                break;
            case CtyTypeKind.List or CtyTypeKind.Set or CtyTypeKind.Map:
                writer.WriteStartArray();
                writer.WriteStringValue(type.Kind switch { CtyTypeKind.List => "list", CtyTypeKind.Set => "set", _ => "map" });
                Write(writer, type.ElementType!);
                writer.WriteEndArray();
                break;
            case CtyTypeKind.Object:
                writer.WriteStartArray();
                writer.WriteStringValue("object");
                writer.WriteStartObject();
                foreach (var (name, attributeType) in type.AttributeTypes)
                {
                    writer.WritePropertyName(name);
                    Write(writer, attributeType);
                }

                writer.WriteEndObject();
                writer.WriteEndArray();
                break;
            case CtyTypeKind.Tuple:
                writer.WriteStartArray();
                writer.WriteStringValue("tuple");
                writer.WriteStartArray();
                foreach (var elementType in type.TupleTypes)
                {
                    Write(writer, elementType);
                }

                writer.WriteEndArray();
                writer.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException($"Unhandled cty type kind {type.Kind}.");
        }
    }

    /// <summary>Parses type JSON; throws <see cref="CtyFormatException"/> when it is not a valid type.</summary>
    public static CtyType Parse(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8Json.ToArray());
            return Read(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new CtyFormatException($"The type description is not valid JSON: {ex.Message}", ex);
        }
    }

    public static CtyType Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));

    public static CtyType Read(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return element.GetString() switch
            {
                "string" => CtyType.String,
                "number" => CtyType.Number,
                "bool" => CtyType.Bool,
                "dynamic" => CtyType.Dynamic,
                var other => throw new CtyFormatException($"Unknown primitive type name \"{other}\"."),
            };
        }

        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() < 2)
        {
            throw new CtyFormatException($"A type must be a string or an array of a kind and its element type, not {element.GetRawText()}.");
        }

        var kind = element[0].ValueKind == JsonValueKind.String ? element[0].GetString() : null;
        var argument = element[1];
        return kind switch
        {
            "list" => CtyType.List(Read(argument)),
            "set" => CtyType.Set(Read(argument)),
            "map" => CtyType.Map(Read(argument)),
            "object" when argument.ValueKind == JsonValueKind.Object =>
                CtyType.Object(argument.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, Read(p.Value)))),
            "tuple" when argument.ValueKind == JsonValueKind.Array =>
                CtyType.Tuple(argument.EnumerateArray().Select(Read)),
            _ => throw new CtyFormatException($"Unknown type {element.GetRawText()}."),
        };
    }
}
