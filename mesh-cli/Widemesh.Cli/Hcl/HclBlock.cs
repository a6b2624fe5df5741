namespace Widemesh.Cli.Hcl;

/// <summary><c>type "label" bare_label { body }</c>. The body is shared and editable in place.</summary>
internal sealed record HclBlock(
    HclToken TypeToken,
    IReadOnlyList<HclLabel> LabelNodes,
    HclToken OpenBrace,
    HclBody Body,
    HclToken CloseBrace,
    HclToken? Newline) : HclBodyItem
{
    public string Type => TypeToken.Text;

    public IReadOnlyList<string> Labels => [.. LabelNodes.Select(l => l.Value)];

    public override IEnumerable<HclSyntaxElement?> Children() => [TypeToken, .. LabelNodes, OpenBrace, Body, CloseBrace, Newline];
}
