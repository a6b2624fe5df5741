namespace Widemesh.Cli.Hcl;

/// <summary><c>%{ if cond }</c> … <c>%{ else }</c> … <c>%{ endif }</c>.</summary>
internal sealed record HclTemplateIf(
    HclToken Open,
    HclToken IfKeyword,
    HclExpression Condition,
    HclToken Close,
    IReadOnlyList<HclTemplatePart> Then,
    HclTemplateTag? ElseTag,
    IReadOnlyList<HclTemplatePart> Else,
    HclTemplateTag EndTag) : HclTemplatePart
{
    public override IEnumerable<HclSyntaxElement?> Children() =>
        [Open, IfKeyword, Condition, Close, .. Then, ElseTag, .. Else, EndTag];
}
