namespace Widemesh.Cli.Hcl;

internal sealed partial class HclParser
{
    private HclExpression ParseExpression()
    {
        Enter();
        var condition = ParseBinary(1);
        if (At(HclTokenKind.Question))
        {
            var question = Advance();
            var whenTrue = ParseExpression();
            var colon = Expect(HclTokenKind.Colon, "\":\" of the conditional expression");
            var whenFalse = ParseExpression();
            condition = new HclConditionalExpression(condition, question, whenTrue, colon, whenFalse);
        }

        Exit();
        return condition;
    }

    private static int Precedence(HclTokenKind kind) => kind switch
    {
        HclTokenKind.OrOr => 1,
        HclTokenKind.AndAnd => 2,
        HclTokenKind.EqualEqual or HclTokenKind.NotEqual => 3,
        HclTokenKind.Less or HclTokenKind.LessEqual or HclTokenKind.Greater or HclTokenKind.GreaterEqual => 4,
        HclTokenKind.Plus or HclTokenKind.Minus => 5,
        HclTokenKind.Star or HclTokenKind.Slash or HclTokenKind.Percent => 6,
        _ => 0,
    };

    private HclExpression ParseBinary(int minimum)
    {
        var left = ParseUnary();
        while (Precedence(Current.Kind) is var level && level >= minimum)
        {
            var op = Advance();
            var right = ParseBinary(level + 1);
            left = new HclBinaryExpression(left, op, right);
        }

        return left;
    }

    private HclExpression ParseUnary()
    {
        if (!At(HclTokenKind.Minus) && !At(HclTokenKind.Bang))
        {
            return ParsePostfix(ParsePrimary());
        }

        var op = Advance();
        Enter();
        var operand = ParseUnary();
        Exit();
        return new HclUnaryExpression(op, operand);
    }

    private HclExpression ParsePostfix(HclExpression source)
    {
        var inAttributeSplat = false;
        while (true)
        {
            if (At(HclTokenKind.Dot))
            {
                var dot = Advance();
                if (inAttributeSplat && At(HclTokenKind.Star))
                {
                    throw Fail("nested splat expression not allowed: a \".*\" cannot follow another \".*\"; use [*] or a for expression", dot);
                }

                source = ParseDotSuffix(source, dot);
                inAttributeSplat |= source is HclSplatExpression;
            }
            else if (At(HclTokenKind.OpenBracket))
            {
                source = ParseBracketSuffix(source, Advance());
                inAttributeSplat = false;
            }
            else
            {
                return source;
            }
        }
    }

    private HclExpression ParseDotSuffix(HclExpression source, HclToken dot)
    {
        if (At(HclTokenKind.Identifier))
        {
            return new HclGetAttributeExpression(source, dot, Advance());
        }

        if (At(HclTokenKind.Number) && Current.Text.All(HclCharacters.IsDigit))
        {
            return new HclGetAttributeExpression(source, dot, Advance());
        }

        if (At(HclTokenKind.Star))
        {
            return new HclSplatExpression(source, dot, Advance(), null);
        }

        throw Fail($"expected an attribute name, an index or \"*\" after \".\", found {Current.Describe()}");
    }

    private HclExpression ParseBracketSuffix(HclExpression source, HclToken open)
    {
        PushNewlines(true);
        HclExpression result;
        if (At(HclTokenKind.Star) && Peek(1).Kind == HclTokenKind.CloseBracket)
        {
            var star = Advance();
            result = new HclSplatExpression(source, open, star, Advance());
        }
        else
        {
            var key = ParseExpression();
            result = new HclIndexExpression(source, open, key, Expect(HclTokenKind.CloseBracket, "\"]\" to close the index"));
        }

        PopNewlines();
        return result;
    }

    private HclExpression ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case HclTokenKind.Number:
                return new HclLiteralExpression(Advance());
            case HclTokenKind.Identifier when token.Text is "true" or "false" or "null":
                return new HclLiteralExpression(Advance());
            case HclTokenKind.Identifier when IsFunctionCallAhead():
                return ParseFunctionCall();
            case HclTokenKind.Identifier:
                return new HclVariableExpression(Advance());
            case HclTokenKind.OpenQuote:
            case HclTokenKind.OpenHeredoc:
                return ParseTemplate();
            case HclTokenKind.OpenParen:
                return ParseParenthesized();
            case HclTokenKind.OpenBracket:
                return ParseTupleOrFor();
            case HclTokenKind.OpenBrace:
                return ParseObjectOrFor();
            default:
                throw Fail($"expected an expression, found {token.Describe()}");
        }
    }

    private HclExpression ParseParenthesized()
    {
        var open = Advance();
        PushNewlines(true);
        var inner = ParseExpression();
        var close = Expect(HclTokenKind.CloseParen, "\")\" to close the parenthesis");
        PopNewlines();
        return new HclParenthesizedExpression(open, inner, close);
    }
}
