namespace Widemesh.Cli.Hcl;

/// <summary><c>${ expression }</c>, with optional strip markers in the open and close tokens.</summary>
internal sealed record HclTemplateInterpolation(HclToken Open, HclExpression Expression, HclToken Close) : HclTemplatePart
{
    public override IEnumerable<HclSyntaxElement?> Children() => [Open, Expression, Close];
}
