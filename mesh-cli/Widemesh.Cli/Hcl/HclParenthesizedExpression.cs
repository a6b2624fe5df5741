namespace Widemesh.Cli.Hcl;

internal sealed record HclParenthesizedExpression(HclToken Open, HclExpression Inner, HclToken Close) : HclExpression
{
    public override IEnumerable<HclSyntaxElement?> Children() => [Open, Inner, Close];
}
