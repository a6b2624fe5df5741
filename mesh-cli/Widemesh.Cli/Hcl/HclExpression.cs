namespace Widemesh.Cli.Hcl;

/// <summary>Any expression of the native syntax, kept with all of its tokens.</summary>
internal abstract record HclExpression : HclNode
{
    /// <summary>
    /// Whether the expression continues on other lines through its brackets (a heredoc alone does not count):
    /// <c>terraform fmt</c> aligns such an attribute with none of its neighbours.
    /// </summary>
    public bool SpansLines => AllTokens().Skip(1).Any(t => t.LeadingTrivia.Contains('\n', StringComparison.Ordinal));
}
