namespace Widemesh.Cli.Hcl;

internal sealed partial class HclParser
{
    private HclTemplateExpression ParseTemplate()
    {
        var open = Advance();
        var enclosing = _inQuotes;
        _inQuotes = open.Kind == HclTokenKind.OpenQuote;
        var parts = ParseTemplateParts();
        _inQuotes = enclosing;
        if (open.Kind == HclTokenKind.OpenQuote)
        {
            if (AtDirective("else", "endif", "endfor"))
            {
                throw Fail($"unexpected %{{ {Peek(1).Text} }} without a matching opening directive");
            }

            return new HclTemplateExpression(open, parts, Expect(HclTokenKind.CloseQuote, "a closing quote"));
        }

        var marker = open.Text.TrimStart('<', '-').TrimEnd('\r', '\n');
        return new HclTemplateExpression(open, parts, Expect(HclTokenKind.CloseHeredoc, $"the heredoc end marker {marker}"));
    }

    /// <summary>Reads template parts up to the end of the template or an else/endif/endfor directive.</summary>
    private List<HclTemplatePart> ParseTemplateParts()
    {
        var parts = new List<HclTemplatePart>();
        while (true)
        {
            var token = Current;
            if (token.Kind == HclTokenKind.TemplateLiteral)
            {
                parts.Add(new HclTemplateLiteral(_inQuotes ? CheckEscapes(Advance()) : Advance()));
            }
            else if (token.Kind == HclTokenKind.TemplateInterpolation)
            {
                parts.Add(ParseInterpolation());
            }
            else if (token.Kind == HclTokenKind.TemplateControl && !AtDirective("else", "endif", "endfor"))
            {
                parts.Add(ParseDirective());
            }
            else
            {
                return parts;
            }
        }
    }

    private bool AtDirective(params string[] keywords)
    {
        if (Current.Kind != HclTokenKind.TemplateControl)
        {
            return false;
        }

        var offset = 1;
        while (Peek(offset).Kind == HclTokenKind.Newline)
        {
            offset++;
        }

        var keyword = Peek(offset);
        return keyword.Kind == HclTokenKind.Identifier && keywords.Contains(keyword.Text);
    }

    /// <summary>Reports backslash escapes other than <c>\n \r \t \" \\ \uNNNN \UNNNNNNNN</c> without stopping the parse.</summary>
    private HclToken CheckEscapes(HclToken literal)
    {
        var text = literal.Text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\')
            {
                continue;
            }

            var length = HclStringEscapes.EscapeLength(text, i);
            if (length == 0)
            {
                var sequence = text.Substring(i, Math.Min(2, text.Length - i));
                Report(new HclDiagnostic(_file, literal.Line, literal.Column + i,
                    $"invalid escape sequence \"{sequence}\": use \\n, \\r, \\t, \\\", \\\\, \\uNNNN or \\UNNNNNNNN (\\\\ for a backslash)"));
                length = 1;
            }

            i += length - 1;
        }

        return literal;
    }

    private HclTemplateInterpolation ParseInterpolation()
    {
        var open = Advance();
        PushNewlines(true);
        var expression = ParseExpression();
        var close = Expect(HclTokenKind.TemplateSequenceEnd, "\"}\" to close the interpolation");
        PopNewlines();
        return new HclTemplateInterpolation(open, expression, close);
    }

    private HclTemplatePart ParseDirective()
    {
        Enter();
        var open = Advance();
        PushNewlines(true);
        HclTemplatePart part;
        if (AtKeyword("if"))
        {
            var ifKeyword = Advance();
            var condition = ParseExpression();
            var close = Expect(HclTokenKind.TemplateSequenceEnd, "\"}\" to close the if directive");
            PopNewlines();
            var then = ParseTemplateParts();
            HclTemplateTag? elseTag = null;
            List<HclTemplatePart> otherwise = [];
            if (AtDirective("else"))
            {
                elseTag = ParseTag("else");
                otherwise = ParseTemplateParts();
            }

            part = new HclTemplateIf(open, ifKeyword, condition, close, then, elseTag, otherwise, ParseTag("endif"));
        }
        else if (AtKeyword("for"))
        {
            var intro = ParseForIntro();
            var close = Expect(HclTokenKind.TemplateSequenceEnd, "\"}\" to close the for directive");
            PopNewlines();
            var body = ParseTemplateParts();
            part = new HclTemplateFor(open, intro, close, body, ParseTag("endfor"));
        }
        else
        {
            throw Fail($"expected \"if\" or \"for\" after \"%{{\", found {Current.Describe()}");
        }

        Exit();
        return part;
    }

    private HclTemplateTag ParseTag(string keyword)
    {
        if (!AtDirective(keyword))
        {
            throw Fail($"expected %{{ {keyword} }}, found {Current.Describe()}");
        }

        var open = Advance();
        PushNewlines(true);
        var word = Advance();
        var close = Expect(HclTokenKind.TemplateSequenceEnd, $"\"}}\" to close the {keyword} directive");
        PopNewlines();
        return new HclTemplateTag(open, word, close);
    }
}
