namespace Widemesh.Cli.Hcl;

/// <summary><c>key = value</c> or <c>key: value</c>, with its optional comma.</summary>
internal sealed record HclObjectItem(HclExpression Key, HclToken Separator, HclExpression Value, HclToken? Comma) : HclNode
{
    public override IEnumerable<HclSyntaxElement?> Children() => [Key, Separator, Value, Comma];
}
