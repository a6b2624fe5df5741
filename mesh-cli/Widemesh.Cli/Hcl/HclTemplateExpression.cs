namespace Widemesh.Cli.Hcl;

/// <summary>A quoted string (<c>"…"</c>) or a heredoc (<c>&lt;&lt;EOF</c> … <c>EOF</c>).</summary>
internal sealed record HclTemplateExpression(HclToken Open, IReadOnlyList<HclTemplatePart> Parts, HclToken Close)
    : HclExpression
{
    public bool IsHeredoc => Open.Kind == HclTokenKind.OpenHeredoc;

    /// <summary>True for <c>&lt;&lt;-</c> heredocs, whose lines are de-indented.</summary>
    public bool IsIndentedHeredoc => IsHeredoc && Open.Text.StartsWith("<<-", StringComparison.Ordinal);

    public override IEnumerable<HclSyntaxElement?> Children() => [Open, .. Parts, Close];
}
