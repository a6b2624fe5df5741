namespace Widemesh.Cli.Hcl;

/// <summary><c>type "label" bare_label { body }</c>. The body (which holds the closing brace) is editable in place.</summary>
internal sealed record HclBlock(
    HclToken TypeToken,
    IReadOnlyList<HclLabel> LabelNodes,
    HclToken OpenBrace,
    HclBody Body,
    HclToken? Newline) : HclBodyItem
{
    public string Type => TypeToken.Text;

    public IReadOnlyList<string> Labels => [.. LabelNodes.Select(l => l.Value)];

    public HclToken CloseBrace => Body.Close;

    public override HclBodyItem WithLeadingTrivia(string trivia) => this with { TypeToken = TypeToken.WithLeadingTrivia(trivia) };

    public override IEnumerable<HclSyntaxElement?> Children() => [TypeToken, .. LabelNodes, OpenBrace, Body, Newline];
}
