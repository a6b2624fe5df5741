namespace Widemesh.Cli.Hcl;

internal sealed record HclBinaryExpression(HclExpression Left, HclToken Operator, HclExpression Right) : HclExpression
{
    public override IEnumerable<HclSyntaxElement?> Children() => [Left, Operator, Right];
}
