namespace Widemesh.Cli.Hcl;

/// <summary>An attribute, a block, or a line the parser could not read (kept verbatim).</summary>
internal abstract record HclBodyItem : HclNode
{
    /// <summary>The newline that ends the item (its trivia holds a trailing comment); null at end of file or before <c>}</c>.</summary>
    public abstract HclToken? Newline { get; init; }

    public string LeadingTrivia => FirstToken()?.LeadingTrivia ?? "";

    /// <summary>The whitespace before the item on its own line.</summary>
    public string Indentation => HclTrivia.Indentation(LeadingTrivia);

    public abstract HclBodyItem WithLeadingTrivia(string trivia);
}
