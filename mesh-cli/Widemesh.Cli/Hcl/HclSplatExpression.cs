namespace Widemesh.Cli.Hcl;

/// <summary><c>source.*</c> (Close is null) or <c>source[*]</c>.</summary>
internal sealed record HclSplatExpression(HclExpression Source, HclToken Open, HclToken Star, HclToken? Close) : HclExpression
{
    public override IEnumerable<HclSyntaxElement?> Children() => [Source, Open, Star, Close];
}
