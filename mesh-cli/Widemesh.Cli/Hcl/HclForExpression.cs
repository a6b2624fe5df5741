namespace Widemesh.Cli.Hcl;

/// <summary><c>[for v in coll: expr if cond]</c> or <c>{for k, v in coll: key =&gt; value... if cond}</c>.</summary>
internal sealed record HclForExpression(
    HclToken Open,
    HclForIntro Intro,
    HclToken Colon,
    HclExpression? KeyExpression,
    HclToken? Arrow,
    HclExpression Value,
    HclToken? Ellipsis,
    HclToken? IfKeyword,
    HclExpression? Condition,
    HclToken Close) : HclExpression
{
    public bool IsObject => Open.Kind == HclTokenKind.OpenBrace;

    public override IEnumerable<HclSyntaxElement?> Children() =>
        [Open, Intro, Colon, KeyExpression, Arrow, Value, Ellipsis, IfKeyword, Condition, Close];
}
