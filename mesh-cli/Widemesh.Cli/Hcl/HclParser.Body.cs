namespace Widemesh.Cli.Hcl;

internal sealed partial class HclParser
{
    private HclBody ParseBody(HclBodyLayout layout, bool topLevel)
    {
        var items = new List<HclBodyItem>();
        while (true)
        {
            FoldNewlines();
            var token = Current;
            if (token.Kind == HclTokenKind.EndOfFile || (token.Kind == HclTokenKind.CloseBrace && !topLevel))
            {
                break;
            }

            var start = _pos;
            var depth = _depth;
            var modes = _ignoreNewlines.Count;
            var blockOpen = _blockOpen;
            var inQuotes = _inQuotes;
            try
            {
                items.Add(ParseBodyItem());
            }
            catch (HclParseException e)
            {
                Report(e.Diagnostic);
                _depth = depth;
                _blockOpen = blockOpen;
                _inQuotes = inQuotes;
                _ignoreNewlines.RemoveRange(modes, _ignoreNewlines.Count - modes);
                Recover(start);
                items.Add(new HclUnparsedItem([.. _tokens[start.._pos].OfType<HclToken>()]));
            }
        }

        return new HclBody(items, topLevel ? Current : CloseBlock(), layout);
    }

    /// <summary>The block's closing brace; at the end of a truncated file, an error and an empty stand-in so the block is kept.</summary>
    private HclToken CloseBlock()
    {
        if (At(HclTokenKind.CloseBrace))
        {
            return Advance();
        }

        Report(Fail($"expected \"}}\" to close the block opened at {_blockOpen.Line}:{_blockOpen.Column}, found {Current.Describe()}").Diagnostic);
        return new HclToken(HclTokenKind.CloseBrace, "", "", Current.Line, Current.Column);
    }

    /// <summary>Skips to the end of the line (or of a brace group opened on it), leaving a closing <c>}</c> for the block.</summary>
    private void Recover(int start)
    {
        var depth = 0;
        while (true)
        {
            var token = _tokens[_pos]!;
            if (token.Kind == HclTokenKind.EndOfFile)
            {
                return;
            }

            if (token.Kind == HclTokenKind.CloseBrace && depth == 0 && _pos > start)
            {
                return;
            }

            _pos++;
            if (token.Kind == HclTokenKind.Newline && depth <= 0)
            {
                return;
            }

            depth += token.Kind switch
            {
                HclTokenKind.OpenBrace => 1,
                HclTokenKind.CloseBrace => depth > 0 ? -1 : 0,
                _ => 0,
            };
        }
    }

    private HclBodyItem ParseBodyItem()
    {
        if (!At(HclTokenKind.Identifier))
        {
            throw Fail($"expected an attribute or a block, found {Current.Describe()}");
        }

        var name = Advance();
        if (At(HclTokenKind.Equals))
        {
            var equals = Advance();
            var expression = ParseExpression();
            return new HclAttribute(name, equals, expression, ParseItemEnd("attribute"));
        }

        var labels = new List<HclLabel>();
        while (At(HclTokenKind.Identifier) || At(HclTokenKind.OpenQuote))
        {
            labels.Add(ParseLabel());
        }

        if (!At(HclTokenKind.OpenBrace))
        {
            var expected = labels.Count == 0 ? "\"=\" or \"{\" after \"" + name.Text + "\"" : "\"{\" to open the block";
            throw Fail($"expected {expected}, found {Current.Describe()}");
        }

        var open = Advance();
        Enter();
        PushNewlines(false);
        var outer = HclTrivia.Indentation(name.LeadingTrivia);
        var enclosing = _blockOpen;
        _blockOpen = open;
        var layout = new HclBodyLayout(outer + "  ", outer, _layoutLineEnding);
        var body = At(HclTokenKind.Newline) || At(HclTokenKind.CloseBrace) ? ParseBody(layout, topLevel: false) : ParseOneLineBody(layout);
        _blockOpen = enclosing;
        PopNewlines();
        Exit();
        return new HclBlock(name, labels, open, body, ParseItemEnd("block"));
    }

    /// <summary>The body of <c>type { name = value }</c>: exactly one attribute, then the closing brace on the same line.</summary>
    private HclBody ParseOneLineBody(HclBodyLayout layout)
    {
        var name = Expect(HclTokenKind.Identifier, "an attribute name or a newline after \"{\"");
        var equals = Expect(HclTokenKind.Equals, "\"=\": a block on one line can hold only one attribute");
        var attribute = new HclAttribute(name, equals, ParseExpression(), null);
        var close = Expect(HclTokenKind.CloseBrace, "\"}\" right after the only attribute of a one-line block");
        return new HclBody([attribute], close, layout);
    }

    private HclLabel ParseLabel()
    {
        if (At(HclTokenKind.Identifier))
        {
            return new HclLabel([Advance()]);
        }

        var tokens = new List<HclToken> { Advance() };
        while (At(HclTokenKind.TemplateLiteral))
        {
            tokens.Add(CheckEscapes(Advance()));
        }

        if (At(HclTokenKind.TemplateInterpolation) || At(HclTokenKind.TemplateControl))
        {
            throw Fail("block labels cannot contain template sequences: use a plain string such as \"web\"");
        }

        tokens.Add(Expect(HclTokenKind.CloseQuote, "a closing quote"));
        return new HclLabel(tokens);
    }

    private HclToken? ParseItemEnd(string what)
    {
        var token = Current;
        if (token.Kind == HclTokenKind.Newline)
        {
            return Advance();
        }

        if (token.Kind == HclTokenKind.EndOfFile)
        {
            return null;
        }

        throw Fail($"expected a newline after the {what}, found {token.Describe()}");
    }
}
