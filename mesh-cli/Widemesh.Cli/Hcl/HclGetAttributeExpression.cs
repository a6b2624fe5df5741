namespace Widemesh.Cli.Hcl;

/// <summary><c>source.name</c>, or the legacy index <c>source.0</c> when the name is a number.</summary>
internal sealed record HclGetAttributeExpression(HclExpression Source, HclToken Dot, HclToken Name) : HclExpression
{
    public override IEnumerable<HclSyntaxElement?> Children() => [Source, Dot, Name];
}
