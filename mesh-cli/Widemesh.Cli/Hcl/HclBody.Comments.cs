namespace Widemesh.Cli.Hcl;

internal sealed partial record HclBody
{
    /// <summary>
    /// When the replaced attribute's trailing comment sat in a column shared with a neighbour's (as
    /// <c>terraform fmt</c> aligns them), keeps it in that column if the new value leaves room. Only this line changes.
    /// </summary>
    private HclAttribute KeepCommentColumn(int index, HclAttribute old, HclAttribute replaced)
    {
        var column = CommentColumn(old);
        if (column < 0 || CommentColumn(replaced) < 0 || !HasNeighbourCommentAt(index, column))
        {
            return replaced;
        }

        var padding = column - LengthBeforeComment(replaced);
        var newline = replaced.Newline!;
        return padding < 1 ? replaced : replaced with
        {
            Newline = newline.WithLeadingTrivia(new string(' ', padding) + newline.LeadingTrivia.TrimStart(' ', '\t')),
        };
    }

    private bool HasNeighbourCommentAt(int index, int column) =>
        (index > 0 && ContinuesChain(index) && _items[index - 1] is HclAttribute previous && CommentColumn(previous) == column)
        || (index + 1 < _items.Count && ContinuesChain(index + 1) && _items[index + 1] is HclAttribute next && CommentColumn(next) == column);

    /// <summary>The column (0-based) where a single-line attribute's trailing comment starts, or -1 without one.</summary>
    private static int CommentColumn(HclAttribute attribute)
    {
        var trivia = attribute.Newline?.LeadingTrivia ?? "";
        var comment = trivia.TrimStart(' ', '\t');
        return attribute.Expression.SpansLines || !HclTrivia.IsComment(comment)
            ? -1
            : LengthBeforeComment(attribute) + trivia.Length - comment.Length;
    }

    /// <summary>The length of the attribute's line up to the end of its expression.</summary>
    private static int LengthBeforeComment(HclAttribute attribute) =>
        HclTrivia.LastLine(attribute.NameToken.LeadingTrivia).Length + attribute.Name.Length
        + attribute.EqualsToken.FullText.Length + attribute.Expression.ToFullString().Length;
}
