namespace Widemesh.Cli.Hcl;

/// <summary><c>condition ? whenTrue : whenFalse</c>.</summary>
internal sealed record HclConditionalExpression(
    HclExpression Condition,
    HclToken Question,
    HclExpression WhenTrue,
    HclToken Colon,
    HclExpression WhenFalse) : HclExpression
{
    public override IEnumerable<HclSyntaxElement?> Children() => [Condition, Question, WhenTrue, Colon, WhenFalse];
}
