namespace Widemesh.Cli.Hcl;

/// <summary><c>name(args)</c>; the name tokens include <c>provider::ns::fn</c> parts.</summary>
internal sealed record HclFunctionCallExpression(
    IReadOnlyList<HclToken> NameTokens,
    HclToken Open,
    IReadOnlyList<HclCallArgument> Arguments,
    HclToken Close) : HclExpression
{
    public string Name => string.Concat(NameTokens.Select(t => t.Text));

    public override IEnumerable<HclSyntaxElement?> Children() => [.. NameTokens, Open, .. Arguments, Close];
}
