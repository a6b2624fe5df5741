namespace Widemesh.Cli.Hcl;

/// <summary>A bare name such as <c>var</c> in <c>var.region</c>.</summary>
internal sealed record HclVariableExpression(HclToken Name) : HclExpression
{
    public override IEnumerable<HclSyntaxElement?> Children() => [Name];
}
