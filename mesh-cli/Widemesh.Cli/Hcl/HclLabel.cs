namespace Widemesh.Cli.Hcl;

/// <summary>A block label: a bare identifier or a quoted string without interpolation.</summary>
internal sealed record HclLabel(IReadOnlyList<HclToken> Tokens) : HclNode
{
    public string Value => Tokens.Count == 1
        ? Tokens[0].Text
        : HclStringEscapes.Decode(string.Concat(Tokens.Where(t => t.Kind == HclTokenKind.TemplateLiteral).Select(t => t.Text)));

    public override IEnumerable<HclSyntaxElement?> Children() => Tokens;
}
