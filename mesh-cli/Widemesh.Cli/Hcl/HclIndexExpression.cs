namespace Widemesh.Cli.Hcl;

/// <summary><c>source[key]</c>.</summary>
internal sealed record HclIndexExpression(HclExpression Source, HclToken Open, HclExpression Key, HclToken Close) : HclExpression
{
    public override IEnumerable<HclSyntaxElement?> Children() => [Source, Open, Key, Close];
}
