namespace Widemesh.Cli.Hcl;

internal sealed partial class HclParser
{
    private bool AtForKeyword() => AtKeyword("for") && Peek(1).Kind == HclTokenKind.Identifier;

    private HclExpression ParseTupleOrFor()
    {
        var open = Advance();
        PushNewlines(true);
        if (AtForKeyword())
        {
            var forExpression = ParseFor(open, HclTokenKind.CloseBracket);
            PopNewlines();
            return forExpression;
        }

        var items = new List<HclTupleItem>();
        while (!At(HclTokenKind.CloseBracket))
        {
            var value = ParseExpression();
            var comma = Optional(HclTokenKind.Comma);
            items.Add(new HclTupleItem(value, comma));
            if (comma is null)
            {
                break;
            }
        }

        var close = Expect(HclTokenKind.CloseBracket, "\",\" or \"]\" in the list");
        PopNewlines();
        return new HclTupleExpression(open, items, close);
    }

    private HclExpression ParseObjectOrFor()
    {
        var open = Advance();
        PushNewlines(true);
        if (AtForKeyword())
        {
            var forExpression = ParseFor(open, HclTokenKind.CloseBrace);
            PopNewlines();
            return forExpression;
        }

        PopNewlines();
        PushNewlines(false);
        var items = new List<HclObjectItem>();
        while (true)
        {
            FoldNewlines();
            if (At(HclTokenKind.CloseBrace))
            {
                break;
            }

            var key = ParseExpression();
            if (!At(HclTokenKind.Equals) && !At(HclTokenKind.Colon))
            {
                throw Fail($"expected \"=\" or \":\" after the object key, found {Current.Describe()}");
            }

            var separator = Advance();
            var value = ParseExpression();
            var comma = Optional(HclTokenKind.Comma);
            items.Add(new HclObjectItem(key, separator, value, comma));
            if (comma is null && !At(HclTokenKind.Newline) && !At(HclTokenKind.CloseBrace))
            {
                throw Fail($"expected \",\", a newline or \"}}\" after the object item, found {Current.Describe()}");
            }
        }

        var close = Advance();
        PopNewlines();
        return new HclObjectExpression(open, items, close);
    }

    private HclForExpression ParseFor(HclToken open, HclTokenKind closeKind)
    {
        var intro = ParseForIntro();
        var colon = Expect(HclTokenKind.Colon, "\":\" after the for expression's collection");
        var first = ParseExpression();
        HclExpression? key = null;
        HclToken? arrow = null;
        var value = first;
        HclToken? ellipsis = null;
        if (closeKind == HclTokenKind.CloseBrace)
        {
            key = first;
            arrow = Expect(HclTokenKind.FatArrow, "\"=>\" between the key and the value");
            value = ParseExpression();
            ellipsis = Optional(HclTokenKind.Ellipsis);
        }

        HclToken? ifKeyword = null;
        HclExpression? condition = null;
        if (AtKeyword("if"))
        {
            ifKeyword = Advance();
            condition = ParseExpression();
        }

        var closeText = closeKind == HclTokenKind.CloseBrace ? "\"}\"" : "\"]\"";
        var close = Expect(closeKind, $"{closeText} to close the for expression");
        return new HclForExpression(open, intro, colon, key, arrow, value, ellipsis, ifKeyword, condition, close);
    }

    private HclForIntro ParseForIntro()
    {
        var forKeyword = Advance();
        var first = Expect(HclTokenKind.Identifier, "a variable name after \"for\"");
        HclToken? keyName = null;
        HclToken? comma = null;
        var valueName = first;
        if (At(HclTokenKind.Comma))
        {
            keyName = first;
            comma = Advance();
            valueName = Expect(HclTokenKind.Identifier, "a variable name after \",\"");
        }

        var inKeyword = ExpectKeyword("in", "\"in\"");
        var collection = ParseExpression();
        return new HclForIntro(forKeyword, keyName, comma, valueName, inKeyword, collection);
    }
}
