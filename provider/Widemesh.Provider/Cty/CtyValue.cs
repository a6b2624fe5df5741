namespace Widemesh.Provider.Cty;

/// <summary>
/// A cty value: its type, whether it is known, null or unknown (optionally refined), and its content.
/// Collections keep their elements in order (sets compare without order). Immutable.
/// </summary>
internal sealed partial class CtyValue
{
    private readonly object? _content;

    private CtyValue(CtyType type, CtyValueState state, object? content, CtyRefinements? refinements = null)
    {
        Type = type;
        State = state;
        _content = content;
        Refinements = refinements;
    }

    public CtyType Type { get; }

    public CtyValueState State { get; }

    public bool IsNull => State == CtyValueState.Null;

    public bool IsUnknown => State == CtyValueState.Unknown;

    public bool IsKnown => State == CtyValueState.Known;

    /// <summary>Refinements of an unknown value; null when none.</summary>
    public CtyRefinements? Refinements { get; }

    public static CtyValue Null(CtyType type) => new(type, CtyValueState.Null, null);

    public static CtyValue Unknown(CtyType type, CtyRefinements? refinements = null) =>
        new(type, CtyValueState.Unknown, null, refinements is null || refinements.IsEmpty ? null : refinements);

    public static CtyValue String(string value) => new(CtyType.String, CtyValueState.Known, value);

    public static CtyValue StringOrNull(string? value) => value is null ? Null(CtyType.String) : String(value);

    public static CtyValue Number(CtyNumber value) => new(CtyType.Number, CtyValueState.Known, value);

    public static CtyValue Number(long value) => Number(CtyNumber.FromInt64(value));

    public static CtyValue Bool(bool value) => new(CtyType.Bool, CtyValueState.Known, value);

    public static CtyValue List(CtyType elementType, IEnumerable<CtyValue> elements) =>
        new(CtyType.List(elementType), CtyValueState.Known, ToArray(elements));

    public static CtyValue Set(CtyType elementType, IEnumerable<CtyValue> elements) =>
        new(CtyType.Set(elementType), CtyValueState.Known, Deduplicate(ToArray(elements)));

    public static CtyValue Tuple(IEnumerable<CtyValue> elements)
    {
        var items = ToArray(elements);
        return new(CtyType.Tuple(items.Select(e => e.Type)), CtyValueState.Known, items);
    }

    public static CtyValue Map(CtyType elementType, IEnumerable<KeyValuePair<string, CtyValue>> entries) =>
        new(CtyType.Map(elementType), CtyValueState.Known, ToSorted(entries));

    /// <summary>An object of the given type; attributes not supplied are null of their type.</summary>
    public static CtyValue Object(CtyType objectType, IEnumerable<KeyValuePair<string, CtyValue>> attributes)
    {
        if (objectType.Kind != CtyTypeKind.Object)
        {
            throw new ArgumentException("An object value needs an object type.", nameof(objectType));
        }

        var given = ToSorted(attributes);
        foreach (var name in given.Keys)
        {
            if (!objectType.AttributeTypes.ContainsKey(name))
            {
                throw new ArgumentException($"Object type has no attribute \"{name}\".", nameof(attributes));
            }
        }

        foreach (var (name, type) in objectType.AttributeTypes)
        {
            given.TryAdd(name, Null(type));
        }

        return new(objectType, CtyValueState.Known, given);
    }

    /// <summary>An object whose type is inferred from its attribute values.</summary>
    public static CtyValue Object(IEnumerable<KeyValuePair<string, CtyValue>> attributes)
    {
        var given = ToSorted(attributes);
        return new(CtyType.Object(given.Select(a => KeyValuePair.Create(a.Key, a.Value.Type))), CtyValueState.Known, given);
    }

    public string AsString() => _content as string ?? throw NotA("string");

    public CtyNumber AsNumber() => _content as CtyNumber ?? throw NotA("number");

    public bool AsBool() => _content is bool b ? b : throw NotA("bool");

    /// <summary>Elements of a known list, set or tuple.</summary>
    public IReadOnlyList<CtyValue> Elements => _content as CtyValue[] ?? throw NotA("list, set or tuple");

    /// <summary>Attributes of a known object, or entries of a known map, sorted by name.</summary>
    public IReadOnlyDictionary<string, CtyValue> Attributes =>
        _content as SortedDictionary<string, CtyValue> ?? throw NotA("object or map");

    /// <summary>Attribute of a known object.</summary>
    public CtyValue this[string name] =>
        Attributes.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"No attribute \"{name}\".");

    /// <summary>A copy of this object with one attribute replaced.</summary>
    public CtyValue With(string name, CtyValue value)
    {
        var copy = ToSorted(Attributes);
        copy[name] = value;
        return new CtyValue(Type, CtyValueState.Known, copy);
    }

    /// <summary>True when no unknown value appears anywhere inside.</summary>
    public bool IsWhollyKnown() => State switch
    {
        CtyValueState.Unknown => false,
        CtyValueState.Null => true,
        _ => _content switch
        {
            CtyValue[] items => items.All(i => i.IsWhollyKnown()),
            SortedDictionary<string, CtyValue> entries => entries.Values.All(v => v.IsWhollyKnown()),
            _ => true,
        },
    };

    public override string ToString() => State switch
    {
        CtyValueState.Null => "null",
        CtyValueState.Unknown => "(known after apply)",
        _ => _content switch
        {
            string s => $"\"{s}\"",
            bool b => b ? "true" : "false",
            CtyNumber n => n.ToString(),
            CtyValue[] items => "[" + string.Join(", ", items.Select(i => i.ToString())) + "]",
            SortedDictionary<string, CtyValue> entries => "{" + string.Join(", ", entries.Select(e => $"{e.Key} = {e.Value}")) + "}",
            _ => "?",
        },
    };

    private static CtyValue[] ToArray(IEnumerable<CtyValue> elements) => [.. elements];

    private static SortedDictionary<string, CtyValue> ToSorted(IEnumerable<KeyValuePair<string, CtyValue>> entries)
    {
        var sorted = new SortedDictionary<string, CtyValue>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            sorted[key] = value;
        }

        return sorted;
    }

    private static CtyValue[] Deduplicate(CtyValue[] items)
    {
        var unique = new List<CtyValue>(items.Length);
        foreach (var item in items)
        {
            if (!item.IsKnown || !unique.Any(u => u.IsKnown && u.ValueEquals(item)))
            {
                unique.Add(item);
            }
        }

        return [.. unique];
    }

    private InvalidOperationException NotA(string what) =>
        new($"The value is {(IsKnown ? Type.ToString() : ToString())}, not a known {what}.");
}
