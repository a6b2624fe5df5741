namespace Widemesh.Cli.Hcl;

/// <summary>
/// One token with the whitespace, comments and insignificant newlines that precede it.
/// Line and column are 1-based; tokens made by edits have line 0.
/// </summary>
internal sealed record HclToken(HclTokenKind Kind, string Text, string LeadingTrivia = "", int Line = 0, int Column = 0)
    : HclSyntaxElement
{
    public string FullText => LeadingTrivia + Text;

    public HclToken WithLeadingTrivia(string trivia) => this with { LeadingTrivia = trivia };

    public string Describe() => Kind switch
    {
        HclTokenKind.EndOfFile => "end of file",
        HclTokenKind.Newline => "newline",
        HclTokenKind.Identifier => $"identifier \"{Text}\"",
        HclTokenKind.Number => $"number {Text}",
        HclTokenKind.OpenQuote => "start of a string",
        HclTokenKind.CloseQuote => "end of a string",
        HclTokenKind.OpenHeredoc => "start of a heredoc",
        HclTokenKind.CloseHeredoc => "end of a heredoc",
        HclTokenKind.TemplateLiteral => "template text",
        HclTokenKind.Invalid when char.IsControl(Text[0]) => $"invalid character U+{(int)Text[0]:X4}",
        HclTokenKind.Invalid => $"invalid character \"{Text}\"",
        _ => $"\"{Text}\"",
    };
}
