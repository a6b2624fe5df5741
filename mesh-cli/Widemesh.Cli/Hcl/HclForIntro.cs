namespace Widemesh.Cli.Hcl;

/// <summary>The <c>for k, v in collection</c> part shared by for expressions and template directives.</summary>
internal sealed record HclForIntro(
    HclToken ForKeyword,
    HclToken? KeyName,
    HclToken? Comma,
    HclToken ValueName,
    HclToken InKeyword,
    HclExpression Collection) : HclNode
{
    public override IEnumerable<HclSyntaxElement?> Children() => [ForKeyword, KeyName, Comma, ValueName, InKeyword, Collection];
}
