namespace Widemesh.Cli.Hcl;

/// <summary><c>name = expression</c>.</summary>
internal sealed record HclAttribute(HclToken NameToken, HclToken EqualsToken, HclExpression Expression, HclToken? Newline)
    : HclBodyItem
{
    public string Name => NameToken.Text;

    /// <summary>The expression exactly as written, without the spaces after <c>=</c>.</summary>
    public string ExpressionText => Expression.ToSourceText();

    public override HclBodyItem WithLeadingTrivia(string trivia) => this with { NameToken = NameToken.WithLeadingTrivia(trivia) };

    public override IEnumerable<HclSyntaxElement?> Children() => [NameToken, EqualsToken, Expression, Newline];
}
