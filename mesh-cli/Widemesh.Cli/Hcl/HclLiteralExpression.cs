namespace Widemesh.Cli.Hcl;

/// <summary>A number, <c>true</c>, <c>false</c> or <c>null</c>.</summary>
internal sealed record HclLiteralExpression(HclToken Token) : HclExpression
{
    public override IEnumerable<HclSyntaxElement?> Children() => [Token];
}
