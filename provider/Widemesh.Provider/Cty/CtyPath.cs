using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Widemesh.Provider.Cty;

/// <summary>A path into a value: attribute names, list indexes and map keys (Terraform's AttributePath).</summary>
internal sealed record CtyPath(ImmutableList<CtyPathStep> Steps)
{
    public static readonly CtyPath Root = new(ImmutableList<CtyPathStep>.Empty);

    public bool IsRoot => Steps.IsEmpty;

    public static CtyPath Attribute(string name) => Root.WithAttribute(name);

    public CtyPath WithAttribute(string name) => new(Steps.Add(new CtyPathStep.AttributeName(name)));

    public CtyPath WithIndex(long index) => new(Steps.Add(new CtyPathStep.ElementIndex(index)));

    public CtyPath WithKey(string key) => new(Steps.Add(new CtyPathStep.ElementKey(key)));

    public bool Equals(CtyPath? other) => other is not null && Steps.SequenceEqual(other.Steps);

    public override int GetHashCode() => Steps.Aggregate(17, (hash, step) => HashCode.Combine(hash, step));

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var step in Steps)
        {
            switch (step)
            {
                case CtyPathStep.AttributeName a:
                    text.Append(text.Length == 0 ? string.Empty : ".").Append(a.Name);
                    break;
                case CtyPathStep.ElementIndex i:
                    text.Append('[').Append(i.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
                    break;
                case CtyPathStep.ElementKey k:
                    text.Append("[\"").Append(k.Key).Append("\"]");
                    break;
            }
        }

        return text.ToString();
    }
}
