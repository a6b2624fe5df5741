namespace Widemesh.Cli.Hcl;

/// <summary>Template text, raw as written (escapes are decoded on evaluation).</summary>
internal sealed record HclTemplateLiteral(HclToken Token) : HclTemplatePart
{
    public override IEnumerable<HclSyntaxElement?> Children() => [Token];
}
