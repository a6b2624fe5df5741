namespace Widemesh.Cli.Hcl;

/// <summary>An attribute, a block, or a line the parser could not read (kept verbatim).</summary>
internal abstract record HclBodyItem : HclNode
{
    /// <summary>The newline that ends the item (its trivia holds a trailing comment); null at end of file or before <c>}</c>.</summary>
    public abstract HclToken? Newline { get; init; }

    /// <summary>The whitespace before the item on its own line.</summary>
    public string Indentation
    {
        get
        {
            var trivia = FirstToken()?.LeadingTrivia ?? "";
            var lineStart = trivia.LastIndexOf('\n') + 1;
            var indent = trivia[lineStart..];
            return indent.Length == indent.TrimStart(' ', '\t').Length ? "" : indent[..(indent.Length - indent.TrimStart(' ', '\t').Length)];
        }
    }
}
