namespace Widemesh.Cli.Hcl;

/// <summary><c>-x</c> or <c>!x</c>.</summary>
internal sealed record HclUnaryExpression(HclToken Operator, HclExpression Operand) : HclExpression
{
    public override IEnumerable<HclSyntaxElement?> Children() => [Operator, Operand];
}
