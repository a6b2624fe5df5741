namespace Widemesh.Cli.Hcl;

internal sealed partial class HclLexer
{
    private static readonly (string Text, HclTokenKind Kind)[] Operators =
    [
        ("...", HclTokenKind.Ellipsis), ("==", HclTokenKind.EqualEqual), ("!=", HclTokenKind.NotEqual),
        ("<=", HclTokenKind.LessEqual), (">=", HclTokenKind.GreaterEqual), ("&&", HclTokenKind.AndAnd),
        ("||", HclTokenKind.OrOr), ("=>", HclTokenKind.FatArrow), ("=", HclTokenKind.Equals),
        ("!", HclTokenKind.Bang), ("<", HclTokenKind.Less), (">", HclTokenKind.Greater),
        ("+", HclTokenKind.Plus), ("-", HclTokenKind.Minus), ("*", HclTokenKind.Star),
        ("/", HclTokenKind.Slash), ("%", HclTokenKind.Percent), (".", HclTokenKind.Dot),
        (",", HclTokenKind.Comma), (":", HclTokenKind.Colon), ("?", HclTokenKind.Question),
        ("(", HclTokenKind.OpenParen), (")", HclTokenKind.CloseParen), ("[", HclTokenKind.OpenBracket),
        ("]", HclTokenKind.CloseBracket),
    ];

    /// <summary>Lexes one token in expression context; returns false after the end-of-file token.</summary>
    private bool LexNormal(HclLexerFrame frame)
    {
        var trivia = ReadTrivia();
        if (_pos >= _text.Length)
        {
            _tokens.Add(new HclToken(HclTokenKind.EndOfFile, "", trivia, _line, _column));
            return false;
        }

        var c = Peek();
        if (c == '\n')
        {
            Emit(HclTokenKind.Newline, 1, trivia);
        }
        else if (c == '\r' && Peek(1) == '\n')
        {
            Emit(HclTokenKind.Newline, 2, trivia);
        }
        else if (HclCharacters.IsIdentifierStart(_text, _pos, out _))
        {
            Emit(HclTokenKind.Identifier, IdentifierLength(_pos), trivia);
        }
        else if (HclCharacters.IsDigit(c))
        {
            Emit(HclTokenKind.Number, NumberLength(), trivia);
        }
        else if (c == '"')
        {
            Emit(HclTokenKind.OpenQuote, 1, trivia);
            _frames.Push(new HclLexerFrame(HclLexerMode.QuotedTemplate));
        }
        else if (At("<<") && HeredocOpenerLength() is var heredoc and > 0)
        {
            var marker = _text.Substring(_pos + (Peek(2) == '-' ? 3 : 2), heredoc - (Peek(2) == '-' ? 3 : 2)).TrimEnd('\r', '\n');
            Emit(HclTokenKind.OpenHeredoc, heredoc, trivia);
            _frames.Push(new HclLexerFrame(HclLexerMode.HeredocTemplate, marker));
        }
        else
        {
            LexPunctuation(frame, trivia);
        }

        return true;
    }

    private void LexPunctuation(HclLexerFrame frame, string trivia)
    {
        var c = Peek();
        var inSequence = frame.Mode == HclLexerMode.Interpolation;
        if (c == '{')
        {
            frame.BraceDepth += inSequence ? 1 : 0;
            Emit(HclTokenKind.OpenBrace, 1, trivia);
        }
        else if (inSequence && frame.BraceDepth == 0 && (c == '}' || (c == '~' && Peek(1) == '}')))
        {
            Emit(HclTokenKind.TemplateSequenceEnd, c == '~' ? 2 : 1, trivia);
            _frames.Pop();
        }
        else if (c == '}')
        {
            frame.BraceDepth -= inSequence ? 1 : 0;
            Emit(HclTokenKind.CloseBrace, 1, trivia);
        }
        else if (OperatorAt() is var index and >= 0)
        {
            Emit(Operators[index].Kind, Operators[index].Text.Length, trivia);
        }
        else
        {
            Emit(HclTokenKind.Invalid, char.IsHighSurrogate(c) && char.IsLowSurrogate(Peek(1)) ? 2 : 1, trivia);
        }
    }

    private int OperatorAt()
    {
        var c = Peek();
        for (var i = 0; i < Operators.Length; i++)
        {
            if (Operators[i].Text[0] == c && At(Operators[i].Text))
            {
                return i;
            }
        }

        return -1;
    }

    private string ReadTrivia()
    {
        var start = _pos;
        while (_pos < _text.Length)
        {
            var c = Peek();
            if (c is ' ' or '\t' || (c == '\uFEFF' && _pos == 0))
            {
                Move(1);
            }
            else if (c == '#' || At("//"))
            {
                var end = _pos;
                while (end < _text.Length && _text[end] != '\n' && !(_text[end] == '\r' && end + 1 < _text.Length && _text[end + 1] == '\n'))
                {
                    end++;
                }

                Move(end - _pos);
            }
            else if (At("/*"))
            {
                var close = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                if (close < 0)
                {
                    Error("unterminated comment: expected \"*/\", found end of file");
                }

                Move(close < 0 ? _text.Length - _pos : close + 2 - _pos);
            }
            else
            {
                break;
            }
        }

        return _text[start.._pos];
    }

    private int IdentifierLength(int start)
    {
        HclCharacters.IsIdentifierStart(_text, start, out var length);
        var end = start + length;
        while (HclCharacters.IsIdentifierPart(_text, end, out length))
        {
            end += length;
        }

        return end - start;
    }

    private int NumberLength()
    {
        var end = SkipDigits(_pos);
        if (end < _text.Length && _text[end] == '.' && end + 1 < _text.Length && HclCharacters.IsDigit(_text[end + 1]))
        {
            end = SkipDigits(end + 1);
        }

        if (end < _text.Length && _text[end] is 'e' or 'E')
        {
            var digits = end + 1 < _text.Length && _text[end + 1] is '+' or '-' ? end + 2 : end + 1;
            if (digits < _text.Length && HclCharacters.IsDigit(_text[digits]))
            {
                end = SkipDigits(digits);
            }
        }

        return end - _pos;
    }

    private int SkipDigits(int index)
    {
        while (index < _text.Length && HclCharacters.IsDigit(_text[index]))
        {
            index++;
        }

        return index;
    }

    /// <summary>The length of <c>&lt;&lt;ID</c> or <c>&lt;&lt;-ID</c> plus its newline, or 0 if this is not a heredoc opener.</summary>
    private int HeredocOpenerLength()
    {
        var start = _pos + (Peek(2) == '-' ? 3 : 2);
        if (!HclCharacters.IsIdentifierStart(_text, start, out _))
        {
            return 0;
        }

        var end = start + IdentifierLength(start);
        if (end < _text.Length && _text[end] == '\n')
        {
            return end + 1 - _pos;
        }

        return end + 1 < _text.Length && _text[end] == '\r' && _text[end + 1] == '\n' ? end + 2 - _pos : 0;
    }
}
