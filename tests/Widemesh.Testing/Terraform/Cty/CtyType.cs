using System.Text;
using System.Text.Json;

namespace Widemesh.Testing.Terraform.Cty;

/// <summary>A cty type, parsed from and written as Terraform's type JSON (protocol doc §3.1).</summary>
public sealed class CtyType : IEquatable<CtyType>
{
    private static readonly IReadOnlyDictionary<string, CtyType> NoAttributes = new SortedDictionary<string, CtyType>(StringComparer.Ordinal);

    private CtyType(CtyTypeKind kind, CtyType? element, IReadOnlyDictionary<string, CtyType>? attributes, IReadOnlyList<CtyType>? elements)
    {
        Kind = kind;
        Element = element;
        Attributes = attributes ?? NoAttributes;
        TupleElements = elements ?? [];
    }

    public static CtyType String { get; } = new(CtyTypeKind.String, null, null, null);

    public static CtyType Number { get; } = new(CtyTypeKind.Number, null, null, null);

    public static CtyType Bool { get; } = new(CtyTypeKind.Bool, null, null, null);

    public static CtyType Dynamic { get; } = new(CtyTypeKind.Dynamic, null, null, null);

    public CtyTypeKind Kind { get; }

    /// <summary>Element type of a list, set or map.</summary>
    public CtyType? Element { get; }

    /// <summary>Attribute types of an object, sorted by name (ordinal).</summary>
    public IReadOnlyDictionary<string, CtyType> Attributes { get; }

    public IReadOnlyList<CtyType> TupleElements { get; }

    public bool IsPrimitive => Kind is CtyTypeKind.String or CtyTypeKind.Number or CtyTypeKind.Bool;

    public bool IsCollection => Kind is CtyTypeKind.List or CtyTypeKind.Set or CtyTypeKind.Map;

    public static CtyType List(CtyType element) => new(CtyTypeKind.List, element, null, null);

    public static CtyType Set(CtyType element) => new(CtyTypeKind.Set, element, null, null);

    public static CtyType Map(CtyType element) => new(CtyTypeKind.Map, element, null, null);

    public static CtyType Tuple(IReadOnlyList<CtyType> elements) => new(CtyTypeKind.Tuple, null, null, [.. elements]);

    public static CtyType Object(IEnumerable<KeyValuePair<string, CtyType>> attributes)
    {
        var sorted = new SortedDictionary<string, CtyType>(StringComparer.Ordinal);
        foreach (var (name, type) in attributes)
        {
            sorted.Add(name, type);
        }

        return new CtyType(CtyTypeKind.Object, null, sorted, null);
    }

    /// <summary>Parses type JSON such as <c>["list","string"]</c>; throws <see cref="CtyException"/> when it is not valid.</summary>
    public static CtyType ParseJson(ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            return Parse(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new CtyException($"type JSON is not valid JSON: {ex.Message}", ex);
        }
    }

    public static CtyType ParseJson(string json) => ParseJson(Encoding.UTF8.GetBytes(json));

    public string ToJson()
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteJson(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public void WriteJson(Utf8JsonWriter writer)
    {
        switch (Kind)
        {
            case CtyTypeKind.String: writer.WriteStringValue("string"); break;
            case CtyTypeKind.Number: writer.WriteStringValue("number"); break;
            case CtyTypeKind.Bool: writer.WriteStringValue("bool"); break;
            case CtyTypeKind.Dynamic: writer.WriteStringValue("dynamic"); break;
            case CtyTypeKind.List or CtyTypeKind.Set or CtyTypeKind.Map:
                writer.WriteStartArray();
                writer.WriteStringValue(Kind.ToString().ToLowerInvariant());
                Element!.WriteJson(writer);
                writer.WriteEndArray();
                break;
            case CtyTypeKind.Object:
                writer.WriteStartArray();
                writer.WriteStringValue("object");
                writer.WriteStartObject();
                foreach (var (name, type) in Attributes)
                {
                    writer.WritePropertyName(name);
                    type.WriteJson(writer);
                }

                writer.WriteEndObject();
                writer.WriteEndArray();
                break;
            case CtyTypeKind.Tuple:
                writer.WriteStartArray();
                writer.WriteStringValue("tuple");
                writer.WriteStartArray();
                foreach (var element in TupleElements)
                {
                    element.WriteJson(writer);
                }

                writer.WriteEndArray();
                writer.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException($"unexpected kind {Kind}");
        }
    }

    /// <summary>True when the type contains <c>dynamic</c> anywhere.</summary>
    public bool HasDynamic() => Kind switch
    {
        CtyTypeKind.Dynamic => true,
        CtyTypeKind.List or CtyTypeKind.Set or CtyTypeKind.Map => Element!.HasDynamic(),
        CtyTypeKind.Object => Attributes.Values.Any(a => a.HasDynamic()),
        CtyTypeKind.Tuple => TupleElements.Any(e => e.HasDynamic()),
        _ => false,
    };

    public bool Equals(CtyType? other)
    {
        if (other is null || other.Kind != Kind)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        return Kind switch
        {
            CtyTypeKind.List or CtyTypeKind.Set or CtyTypeKind.Map => Element!.Equals(other.Element),
            CtyTypeKind.Object => Attributes.Count == other.Attributes.Count
                && Attributes.All(a => other.Attributes.TryGetValue(a.Key, out var t) && a.Value.Equals(t)),
            CtyTypeKind.Tuple => TupleElements.Count == other.TupleElements.Count
                && TupleElements.Zip(other.TupleElements).All(p => p.First.Equals(p.Second)),
            _ => true,
        };
    }

    public override bool Equals(object? obj) => Equals(obj as CtyType);

    public override int GetHashCode() => HashCode.Combine(Kind, Element, Attributes.Count, TupleElements.Count);

    public override string ToString() => ToJson();

    private static CtyType Parse(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return element.GetString() switch
            {
                "string" => String,
                "number" => Number,
                "bool" => Bool,
                "dynamic" => Dynamic,
                var other => throw new CtyException($"unknown primitive type \"{other}\" in type JSON"),
            };
        }

        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() < 2 || element[0].ValueKind != JsonValueKind.String)
        {
            throw new CtyException($"type JSON must be a string or an array [kind, ...], got {element.GetRawText()}");
        }

        var kind = element[0].GetString();
        if (element.GetArrayLength() != 2)
        {
            throw new CtyException($"type JSON {element.GetRawText()} has {element.GetArrayLength()} elements; schema types take exactly two (optional-attribute lists are type constraints, not types)");
        }

        return kind switch
        {
            "list" => List(Parse(element[1])),
            "set" => Set(Parse(element[1])),
            "map" => Map(Parse(element[1])),
            "object" when element[1].ValueKind == JsonValueKind.Object =>
                Object(element[1].EnumerateObject().Select(p => KeyValuePair.Create(p.Name, Parse(p.Value)))),
            "tuple" when element[1].ValueKind == JsonValueKind.Array =>
                Tuple([.. element[1].EnumerateArray().Select(Parse)]),
            _ => throw new CtyException($"unknown type kind in type JSON {element.GetRawText()}"),
        };
    }
}
