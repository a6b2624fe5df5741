namespace Widemesh.Cli.Hcl;

internal sealed partial class HclParser
{
    private bool IsFunctionCallAhead() => Peek(1).Kind == HclTokenKind.OpenParen || IsNamespaceSeparatorAt(1);

    private bool IsNamespaceSeparatorAt(int offset) =>
        Peek(offset).Kind == HclTokenKind.Colon && Peek(offset + 1).Kind == HclTokenKind.Colon
        && Peek(offset).LeadingTrivia.Length == 0 && Peek(offset + 1).LeadingTrivia.Length == 0;

    /// <summary>Parses <c>name(args)</c>, including namespaced names such as <c>provider::aws::arn_parse(x)</c>.</summary>
    private HclFunctionCallExpression ParseFunctionCall()
    {
        var name = new List<HclToken> { Advance() };
        while (IsNamespaceSeparatorAt(0))
        {
            name.Add(Advance());
            name.Add(Advance());
            name.Add(Expect(HclTokenKind.Identifier, "a function name after \"::\""));
        }

        var open = Expect(HclTokenKind.OpenParen, $"\"(\" to call {string.Concat(name.Select(t => t.Text))}");
        PushNewlines(true);
        var arguments = new List<HclCallArgument>();
        while (!At(HclTokenKind.CloseParen))
        {
            var value = ParseExpression();
            var ellipsis = Optional(HclTokenKind.Ellipsis);
            var comma = ellipsis is null ? Optional(HclTokenKind.Comma) : null;
            arguments.Add(new HclCallArgument(value, ellipsis, comma));
            if (comma is null)
            {
                break;
            }
        }

        var expected = arguments.Count > 0 && arguments[^1].Ellipsis is not null
            ? "\")\" right after the expanded last argument"
            : "\",\" or \")\" in the function call";
        var close = Expect(HclTokenKind.CloseParen, expected);
        PopNewlines();
        return new HclFunctionCallExpression(name, open, arguments, close);
    }
}
