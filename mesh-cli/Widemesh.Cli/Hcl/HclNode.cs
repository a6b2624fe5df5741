namespace Widemesh.Cli.Hcl;

/// <summary>A node of the concrete syntax tree: its children in source order, tokens included.</summary>
internal abstract record HclNode : HclSyntaxElement
{
    public abstract IEnumerable<HclSyntaxElement?> Children();

    /// <summary>The exact source text of this node, including the first token's leading trivia.</summary>
    public string ToFullString() => HclSyntaxPrinter.Print(this);

    /// <summary>The source text without the first token's leading trivia.</summary>
    public string ToSourceText()
    {
        var first = FirstToken();
        var full = ToFullString();
        return first is null ? full : full[first.LeadingTrivia.Length..];
    }

    public HclToken? FirstToken() => HclSyntaxPrinter.Tokens(this).FirstOrDefault();

    public IEnumerable<HclToken> AllTokens() => HclSyntaxPrinter.Tokens(this);

    public sealed override string ToString() => ToFullString();
}
