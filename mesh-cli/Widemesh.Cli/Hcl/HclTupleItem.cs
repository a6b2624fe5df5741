namespace Widemesh.Cli.Hcl;

internal sealed record HclTupleItem(HclExpression Value, HclToken? Comma) : HclNode
{
    public override IEnumerable<HclSyntaxElement?> Children() => [Value, Comma];
}
