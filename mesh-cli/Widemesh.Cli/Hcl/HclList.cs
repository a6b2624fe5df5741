namespace Widemesh.Cli.Hcl;

/// <summary>A tuple or list; equal to another list with equal items in the same order.</summary>
internal sealed record HclList(IReadOnlyList<HclValue> Items) : HclValue
{
    public bool Equals(HclList? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => Items.Aggregate(Items.Count, (hash, item) => HashCode.Combine(hash, item));
}
