namespace Widemesh.Cli.Hcl;

/// <summary>Tokens of a body item with a syntax error, kept so the file still prints back exactly.</summary>
internal sealed record HclUnparsedItem(IReadOnlyList<HclToken> Tokens) : HclBodyItem
{
    /// <summary>The newline the skipped tokens end with; setting one appends it when they end without.</summary>
    public override HclToken? Newline
    {
        get => Tokens[^1].Kind == HclTokenKind.Newline ? Tokens[^1] : null;
        init
        {
            if (value is not null && Tokens[^1].Kind != HclTokenKind.Newline)
            {
                Tokens = [.. Tokens, value];
            }
        }
    }

    public override HclBodyItem WithLeadingTrivia(string trivia) =>
        this with { Tokens = [Tokens[0].WithLeadingTrivia(trivia), .. Tokens.Skip(1)] };

    public override IEnumerable<HclSyntaxElement?> Children() => Tokens;
}
