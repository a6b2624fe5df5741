namespace Widemesh.Cli.Hcl;

/// <summary><c>%{ for k, v in coll }</c> … <c>%{ endfor }</c>.</summary>
internal sealed record HclTemplateFor(
    HclToken Open,
    HclForIntro Intro,
    HclToken Close,
    IReadOnlyList<HclTemplatePart> Body,
    HclTemplateTag EndTag) : HclTemplatePart
{
    public override IEnumerable<HclSyntaxElement?> Children() => [Open, Intro, Close, .. Body, EndTag];
}
