using System.Collections.Frozen;

namespace Widemesh.Provider.Cty;

/// <summary>
/// A cty type: primitive, <c>dynamic</c>, collection (list, set, map) or structural (object, tuple).
/// Equality is structural. The JSON form is the one Terraform uses in schemas (see <see cref="CtyTypeJson"/>).
/// </summary>
internal sealed class CtyType : IEquatable<CtyType>
{
    public static readonly CtyType String = new(CtyTypeKind.String, null, null, null);
    public static readonly CtyType Number = new(CtyTypeKind.Number, null, null, null);
    public static readonly CtyType Bool = new(CtyTypeKind.Bool, null, null, null);
    public static readonly CtyType Dynamic = new(CtyTypeKind.Dynamic, null, null, null);

    private static readonly IReadOnlyDictionary<string, CtyType> NoAttributes = FrozenDictionary<string, CtyType>.Empty;

    private CtyType(
        CtyTypeKind kind,
        CtyType? elementType,
        IReadOnlyDictionary<string, CtyType>? attributeTypes,
        IReadOnlyList<CtyType>? tupleTypes)
    {
        Kind = kind;
        ElementType = elementType;
        AttributeTypes = attributeTypes ?? NoAttributes;
        TupleTypes = tupleTypes ?? [];
    }

    public CtyTypeKind Kind { get; }

    /// <summary>Element type of a list, set or map; null otherwise.</summary>
    public CtyType? ElementType { get; }

    /// <summary>Attribute types of an object, sorted by name (the wire order).</summary>
    public IReadOnlyDictionary<string, CtyType> AttributeTypes { get; }

    /// <summary>Element types of a tuple.</summary>
    public IReadOnlyList<CtyType> TupleTypes { get; }

    public bool IsPrimitive => Kind is CtyTypeKind.String or CtyTypeKind.Number or CtyTypeKind.Bool;

    public bool IsCollection => Kind is CtyTypeKind.List or CtyTypeKind.Set or CtyTypeKind.Map;

    public static CtyType List(CtyType element) => new(CtyTypeKind.List, element, null, null);

    public static CtyType Set(CtyType element) => new(CtyTypeKind.Set, element, null, null);

    public static CtyType Map(CtyType element) => new(CtyTypeKind.Map, element, null, null);

    public static CtyType Object(IEnumerable<KeyValuePair<string, CtyType>> attributes)
    {
        var sorted = new SortedDictionary<string, CtyType>(StringComparer.Ordinal);
        foreach (var (name, type) in attributes)
        {
            sorted.Add(name, type);
        }

        return new CtyType(CtyTypeKind.Object, null, sorted, null);
    }

    public static CtyType Tuple(IEnumerable<CtyType> elements) => new(CtyTypeKind.Tuple, null, null, [.. elements]);

    /// <summary>True when the type contains <c>dynamic</c> anywhere.</summary>
    public bool HasDynamic() => Kind switch
    {
        CtyTypeKind.Dynamic => true,
        CtyTypeKind.List or CtyTypeKind.Set or CtyTypeKind.Map => ElementType!.HasDynamic(),
        CtyTypeKind.Object => AttributeTypes.Values.Any(t => t.HasDynamic()),
        CtyTypeKind.Tuple => TupleTypes.Any(t => t.HasDynamic()),
        _ => false,
    };

    public bool Equals(CtyType? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other.Kind != Kind)
        {
            return false;
        }

        return Kind switch
        {
            CtyTypeKind.List or CtyTypeKind.Set or CtyTypeKind.Map => ElementType!.Equals(other.ElementType),
            CtyTypeKind.Object => AttributeTypes.Count == other.AttributeTypes.Count
                && AttributeTypes.All(a => other.AttributeTypes.TryGetValue(a.Key, out var t) && t.Equals(a.Value)),
            CtyTypeKind.Tuple => TupleTypes.SequenceEqual(other.TupleTypes),
            _ => true,
        };
    }

    public override bool Equals(object? obj) => Equals(obj as CtyType);

    public override int GetHashCode() => HashCode.Combine(Kind, ElementType, AttributeTypes.Count, TupleTypes.Count);

    public override string ToString() => CtyTypeJson.Serialize(this);
}
