namespace Widemesh.Cli.Hcl;

/// <summary>An object with its attributes in source order; equal to another with the same attributes in the same order.</summary>
internal sealed record HclObject(IReadOnlyList<KeyValuePair<string, HclValue>> Attributes) : HclValue
{
    public HclValue? this[string name] => Attributes.FirstOrDefault(a => a.Key == name).Value;

    public bool Equals(HclObject? other) => other is not null && Attributes.SequenceEqual(other.Attributes);

    public override int GetHashCode() => Attributes.Aggregate(Attributes.Count, (hash, item) => HashCode.Combine(hash, item));
}
