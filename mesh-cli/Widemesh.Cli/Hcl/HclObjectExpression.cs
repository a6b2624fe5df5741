namespace Widemesh.Cli.Hcl;

/// <summary><c>{ a = 1, "b" : 2 }</c>; items are separated by commas or newlines.</summary>
internal sealed record HclObjectExpression(HclToken Open, IReadOnlyList<HclObjectItem> Items, HclToken Close) : HclExpression
{
    public override IEnumerable<HclSyntaxElement?> Children() => [Open, .. Items, Close];
}
