namespace Widemesh.Cli.Hcl;

/// <summary>One argument of a function call; the last one may be expanded with <c>...</c>.</summary>
internal sealed record HclCallArgument(HclExpression Value, HclToken? Ellipsis, HclToken? Comma) : HclNode
{
    public override IEnumerable<HclSyntaxElement?> Children() => [Value, Ellipsis, Comma];
}
