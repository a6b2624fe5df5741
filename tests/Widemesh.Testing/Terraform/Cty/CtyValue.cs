using System.Text;

namespace Widemesh.Testing.Terraform.Cty;

/// <summary>
/// A cty value: known, null or unknown (three distinct states, never conflated). Objects and maps keep their
/// entries sorted by name; sets keep distinct elements in arrival order and compare order-insensitively.
/// </summary>
public sealed class CtyValue : IEquatable<CtyValue>
{
    private static readonly IReadOnlyDictionary<string, CtyValue> NoEntries = new SortedDictionary<string, CtyValue>(StringComparer.Ordinal);

    private CtyValue(CtyType type, CtyValueState state)
    {
        Type = type;
        State = state;
        Entries = NoEntries;
        Elements = [];
    }

    public CtyType Type { get; }

    public CtyValueState State { get; }

    public bool IsNull => State == CtyValueState.Null;

    public bool IsUnknown => State == CtyValueState.Unknown;

    public bool IsKnown => State == CtyValueState.Known;

    public string? StringValue { get; private init; }

    public CtyNumber? NumberValue { get; private init; }

    public bool? BoolValue { get; private init; }

    /// <summary>Elements of a list, set or tuple.</summary>
    public IReadOnlyList<CtyValue> Elements { get; private init; }

    /// <summary>Entries of a map or attributes of an object.</summary>
    public IReadOnlyDictionary<string, CtyValue> Entries { get; private init; }

    public CtyRefinement? Refinement { get; private init; }

    public static CtyValue Null(CtyType type) => new(type, CtyValueState.Null);

    public static CtyValue Unknown(CtyType type, CtyRefinement? refinement = null) =>
        new(type, CtyValueState.Unknown) { Refinement = refinement is { IsEmpty: false } ? refinement : null };

    public static CtyValue String(string value) => new(CtyType.String, CtyValueState.Known) { StringValue = Normalize(value) };

    public static CtyValue Number(CtyNumber value) => new(CtyType.Number, CtyValueState.Known) { NumberValue = value };

    public static CtyValue Number(long value) => Number(CtyNumber.FromInteger(value));

    public static CtyValue Bool(bool value) => new(CtyType.Bool, CtyValueState.Known) { BoolValue = value };

    public static CtyValue List(CtyType elementType, IEnumerable<CtyValue> elements) =>
        new(CtyType.List(elementType), CtyValueState.Known) { Elements = [.. elements] };

    public static CtyValue StringList(params string[] elements) => List(CtyType.String, elements.Select(String));

    public static CtyValue Set(CtyType elementType, IEnumerable<CtyValue> elements)
    {
        var distinct = new List<CtyValue>();
        foreach (var element in elements)
        {
            if (!element.IsKnown || !distinct.Any(d => d.IsKnown && d.Equals(element)))
            {
                distinct.Add(element);
            }
        }

        return new CtyValue(CtyType.Set(elementType), CtyValueState.Known) { Elements = distinct };
    }

    public static CtyValue Tuple(IReadOnlyList<CtyType> types, IEnumerable<CtyValue> elements) =>
        new(CtyType.Tuple(types), CtyValueState.Known) { Elements = [.. elements] };

    public static CtyValue Map(CtyType elementType, IEnumerable<KeyValuePair<string, CtyValue>> entries) =>
        new(CtyType.Map(elementType), CtyValueState.Known) { Entries = Sorted(entries) };

    /// <summary>A known object of the given object type; attributes missing from <paramref name="attributes"/> are null.</summary>
    public static CtyValue Object(CtyType objectType, IEnumerable<KeyValuePair<string, CtyValue>> attributes)
    {
        if (objectType.Kind != CtyTypeKind.Object)
        {
            throw new ArgumentException("an object type is required", nameof(objectType));
        }

        var given = Sorted(attributes);
        foreach (var name in given.Keys)
        {
            if (!objectType.Attributes.ContainsKey(name))
            {
                throw new CtyException($"unsupported attribute \"{name}\"");
            }
        }

        var all = objectType.Attributes.Select(a => KeyValuePair.Create(a.Key, given.TryGetValue(a.Key, out var v) ? v : Null(a.Value)));
        return new CtyValue(objectType, CtyValueState.Known) { Entries = Sorted(all) };
    }

    /// <summary>An object whose type is inferred from its attributes' types.</summary>
    public static CtyValue ObjectOf(IEnumerable<KeyValuePair<string, CtyValue>> attributes)
    {
        var sorted = Sorted(attributes);
        return new CtyValue(CtyType.Object(sorted.Select(a => KeyValuePair.Create(a.Key, a.Value.Type))), CtyValueState.Known) { Entries = sorted };
    }

    public CtyValue GetAttribute(string name) =>
        Type.Kind == CtyTypeKind.Object && Type.Attributes.TryGetValue(name, out var t)
            ? (IsKnown ? Entries[name] : IsNull ? Null(t) : Unknown(t))
            : throw new CtyException($"unsupported attribute \"{name}\" on {Type}");

    /// <summary>Copy of a known object with one attribute replaced.</summary>
    public CtyValue WithAttribute(string name, CtyValue value)
    {
        if (!IsKnown || Type.Kind != CtyTypeKind.Object)
        {
            throw new InvalidOperationException("WithAttribute needs a known object");
        }

        var entries = Entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        entries[name] = value;
        return Object(Type, entries);
    }

    public bool IsWhollyKnown() => State switch
    {
        CtyValueState.Unknown => false,
        CtyValueState.Null => true,
        _ => Elements.All(e => e.IsWhollyKnown()) && Entries.Values.All(e => e.IsWhollyKnown()),
    };

    /// <summary>Every path (Terraform notation) below this value that holds an unknown.</summary>
    public IEnumerable<string> UnknownPaths(string path = "")
    {
        if (IsUnknown)
        {
            yield return path.Length == 0 ? "(root)" : path;
            yield break;
        }

        foreach (var (key, value) in Entries)
        {
            var child = Type.Kind == CtyTypeKind.Object ? $"{path}.{key}" : $"{path}[\"{key}\"]";
            foreach (var p in value.UnknownPaths(child))
            {
                yield return p;
            }
        }

        for (var i = 0; i < Elements.Count; i++)
        {
            foreach (var p in Elements[i].UnknownPaths(Type.Kind == CtyTypeKind.Set ? $"{path}[set element]" : $"{path}[{i}]"))
            {
                yield return p;
            }
        }
    }

    /// <summary>Exact equality like cty's RawEquals without marks: null and unknown must match exactly, sets ignore order.</summary>
    public bool Equals(CtyValue? other)
    {
        if (other is null || State != other.State || !Type.Equals(other.Type))
        {
            return false;
        }

        if (State == CtyValueState.Unknown)
        {
            return Equals(Refinement, other.Refinement);
        }

        if (State == CtyValueState.Null)
        {
            return true;
        }

        return Type.Kind switch
        {
            CtyTypeKind.String => StringValue == other.StringValue,
            CtyTypeKind.Number => NumberValue == other.NumberValue,
            CtyTypeKind.Bool => BoolValue == other.BoolValue,
            CtyTypeKind.List or CtyTypeKind.Tuple => Elements.Count == other.Elements.Count
                && Elements.Zip(other.Elements).All(p => p.First.Equals(p.Second)),
            CtyTypeKind.Set => Elements.Count == other.Elements.Count
                && Elements.All(e => other.Elements.Any(o => o.Equals(e)))
                && other.Elements.All(o => Elements.Any(e => e.Equals(o))),
            _ => Entries.Count == other.Entries.Count
                && Entries.All(e => other.Entries.TryGetValue(e.Key, out var o) && e.Value.Equals(o)),
        };
    }

    /// <summary>Equality that ignores unknown refinements (objchange compares values with refinements stripped).</summary>
    public bool EqualsIgnoringRefinements(CtyValue? other) =>
        other is not null && StripRefinements().Equals(other.StripRefinements());

    public CtyValue StripRefinements() => State switch
    {
        CtyValueState.Unknown => Unknown(Type),
        CtyValueState.Null => this,
        _ => new CtyValue(Type, State)
        {
            StringValue = StringValue,
            NumberValue = NumberValue,
            BoolValue = BoolValue,
            Elements = [.. Elements.Select(e => e.StripRefinements())],
            Entries = Sorted(Entries.Select(e => KeyValuePair.Create(e.Key, e.Value.StripRefinements()))),
        },
    };

    public override bool Equals(object? obj) => Equals(obj as CtyValue);

    public override int GetHashCode() => HashCode.Combine(State, Type.Kind, StringValue, NumberValue, BoolValue, Elements.Count, Entries.Count);

    /// <summary>A short rendering for error messages, close to Terraform's.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        Render(builder);
        return builder.ToString();
    }

    private void Render(StringBuilder builder)
    {
        if (IsNull)
        {
            builder.Append("null");
            return;
        }

        if (IsUnknown)
        {
            builder.Append("(known after apply)");
            return;
        }

        switch (Type.Kind)
        {
            case CtyTypeKind.String: builder.Append('"').Append(StringValue).Append('"'); break;
            case CtyTypeKind.Number: builder.Append(NumberValue); break;
            case CtyTypeKind.Bool: builder.Append(BoolValue == true ? "true" : "false"); break;
            case CtyTypeKind.List or CtyTypeKind.Set or CtyTypeKind.Tuple:
                builder.Append('[');
                for (var i = 0; i < Elements.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ", ");
                    Elements[i].Render(builder);
                }

                builder.Append(']');
                break;
            default:
                builder.Append('{');
                var first = true;
                foreach (var (key, value) in Entries)
                {
                    builder.Append(first ? string.Empty : ", ").Append(key).Append(" = ");
                    value.Render(builder);
                    first = false;
                }

                builder.Append('}');
                break;
        }
    }

    private static SortedDictionary<string, CtyValue> Sorted(IEnumerable<KeyValuePair<string, CtyValue>> entries)
    {
        var sorted = new SortedDictionary<string, CtyValue>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            sorted[key] = value;
        }

        return sorted;
    }

    private static string Normalize(string value)
    {
        try
        {
            return value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);
        }
        catch (PlatformNotSupportedException)
        {
            return value;
        }
    }
}
