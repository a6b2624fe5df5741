namespace Widemesh.Cli.Hcl;

/// <summary><c>[a, b, c]</c>.</summary>
internal sealed record HclTupleExpression(HclToken Open, IReadOnlyList<HclTupleItem> Items, HclToken Close) : HclExpression
{
    public override IEnumerable<HclSyntaxElement?> Children() => [Open, .. Items, Close];
}
