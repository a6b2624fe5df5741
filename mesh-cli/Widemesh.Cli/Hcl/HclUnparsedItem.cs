namespace Widemesh.Cli.Hcl;

/// <summary>Tokens of a body item with a syntax error, kept so the file still prints back exactly.</summary>
internal sealed record HclUnparsedItem(IReadOnlyList<HclToken> Tokens) : HclBodyItem
{
    public override HclToken? Newline { get => null; init { } }

    public override HclBodyItem WithLeadingTrivia(string trivia) =>
        this with { Tokens = [Tokens[0].WithLeadingTrivia(trivia), .. Tokens.Skip(1)] };

    public override IEnumerable<HclSyntaxElement?> Children() => Tokens;
}
