using Widemesh.Provider.Cty;

namespace Widemesh.Provider.Schema;

/// <summary>Small readers over an object value used by resources to look at config and state.</summary>
internal static class AttributeValues
{
    /// <summary>The attribute as a string when it is known and not null.</summary>
    public static string? KnownString(CtyValue obj, string name) =>
        obj.IsKnown && obj.Attributes.TryGetValue(name, out var v) && v.IsKnown ? v.AsString() : null;

    /// <summary>True when the attribute is unknown (config from a value decided at apply).</summary>
    public static bool IsUnknown(CtyValue obj, string name) =>
        obj.IsUnknown || (obj.Attributes.TryGetValue(name, out var v) && v.IsUnknown);

    public static bool IsNull(CtyValue obj, string name) =>
        obj.IsKnown && obj.Attributes.TryGetValue(name, out var v) && v.IsNull;

    /// <summary>A known list of strings, elements possibly unknown (null entries).</summary>
    public static IReadOnlyList<string?>? KnownStringList(CtyValue obj, string name)
    {
        if (!obj.IsKnown || !obj.Attributes.TryGetValue(name, out var v) || !v.IsKnown)
        {
            return null;
        }

        return [.. v.Elements.Select(e => e.IsKnown ? e.AsString() : null)];
    }

    public static CtyValue StringList(IEnumerable<string> items) =>
        CtyValue.List(CtyType.String, items.Select(CtyValue.String));
}
