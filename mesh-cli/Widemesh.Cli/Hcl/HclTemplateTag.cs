namespace Widemesh.Cli.Hcl;

/// <summary>A keyword-only directive: <c>%{ else }</c>, <c>%{ endif }</c> or <c>%{ endfor }</c>.</summary>
internal sealed record HclTemplateTag(HclToken Open, HclToken Keyword, HclToken Close) : HclNode
{
    public override IEnumerable<HclSyntaxElement?> Children() => [Open, Keyword, Close];
}
