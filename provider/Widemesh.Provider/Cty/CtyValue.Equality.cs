namespace Widemesh.Provider.Cty;

internal sealed partial class CtyValue
{
    /// <summary>
    /// Exact cty equality as Terraform uses it when checking plans: same state (null, unknown, known),
    /// numbers by value, sets without order. Refinements are ignored. Types are not compared for
    /// null and unknown values, because a dynamic slot may carry either form.
    /// </summary>
    public bool ValueEquals(CtyValue other)
    {
        if (State != other.State)
        {
            return false;
        }

        if (State != CtyValueState.Known)
        {
            return true;
        }

        switch (_content)
        {
            case string s:
                return other._content is string t && string.Equals(s, t, StringComparison.Ordinal);
            case bool b:
                return other._content is bool c && b == c;
            case CtyNumber n:
                return other._content is CtyNumber m && n.Equals(m);
            case CtyValue[] items when other._content is CtyValue[] otherItems:
                if (items.Length != otherItems.Length || Type.Kind != other.Type.Kind)
                {
                    return false;
                }

                if (Type.Kind == CtyTypeKind.Set)
                {
                    return items.All(i => otherItems.Any(o => o.ValueEquals(i)))
                        && otherItems.All(o => items.Any(i => i.ValueEquals(o)));
                }

                return items.Zip(otherItems).All(pair => pair.First.ValueEquals(pair.Second));
            case SortedDictionary<string, CtyValue> entries when other._content is SortedDictionary<string, CtyValue> otherEntries:
                return entries.Count == otherEntries.Count
                    && entries.All(e => otherEntries.TryGetValue(e.Key, out var o) && e.Value.ValueEquals(o));
            default:
                return false;
        }
    }
}
