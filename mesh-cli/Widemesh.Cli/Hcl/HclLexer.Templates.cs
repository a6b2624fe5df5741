namespace Widemesh.Cli.Hcl;

internal sealed partial class HclLexer
{
    private void LexQuoted()
    {
        if (_pos >= _text.Length || AtNewline())
        {
            _frames.Pop();
            return;
        }

        if (Peek() == '"')
        {
            Emit(HclTokenKind.CloseQuote, 1);
            _frames.Pop();
        }
        else if (!TryLexTemplateSequence())
        {
            Emit(HclTokenKind.TemplateLiteral, LiteralLength(quoted: true));
        }
    }

    private void LexHeredoc(HclLexerFrame frame)
    {
        if (_pos >= _text.Length)
        {
            _frames.Pop();
            return;
        }

        if (frame.AtLineStart)
        {
            frame.AtLineStart = false;
            if (TryLexHeredocEnd(frame.HeredocMarker))
            {
                _frames.Pop();
                return;
            }
        }

        if (!TryLexTemplateSequence())
        {
            var length = LiteralLength(quoted: false);
            frame.AtLineStart = _text[_pos + length - 1] == '\n';
            Emit(HclTokenKind.TemplateLiteral, length);
        }
    }

    private bool TryLexHeredocEnd(string marker)
    {
        var lineEnd = _text.IndexOf('\n', _pos);
        if (lineEnd < 0)
        {
            return false;
        }

        var contentEnd = lineEnd;
        if (contentEnd > _pos && _text[contentEnd - 1] == '\r')
        {
            contentEnd--;
        }

        var line = _text.AsSpan(_pos, contentEnd - _pos);
        var indent = line.Length - line.TrimStart(" \t").Length;
        if (!line.Trim(" \t").SequenceEqual(marker))
        {
            return false;
        }

        var trivia = _text.Substring(_pos, indent);
        Move(indent);
        Emit(HclTokenKind.CloseHeredoc, marker.Length, trivia);
        return true;
    }

    private bool TryLexTemplateSequence()
    {
        if (At("${"))
        {
            PushTemplateSequence(HclTokenKind.TemplateInterpolation);
            return true;
        }

        if (At("%{"))
        {
            PushTemplateSequence(HclTokenKind.TemplateControl);
            return true;
        }

        return false;
    }

    /// <summary>Length of template text up to the next sequence, quote or newline (heredoc lines include their newline).</summary>
    private int LiteralLength(bool quoted)
    {
        var end = _pos;
        while (end < _text.Length)
        {
            var c = _text[end];
            if (c == '\n')
            {
                return quoted ? end - _pos : end + 1 - _pos;
            }

            if (quoted && (c == '"' || (c == '\r' && end + 1 < _text.Length && _text[end + 1] == '\n')))
            {
                break;
            }

            if (c == '\r' && (end + 1 >= _text.Length || _text[end + 1] != '\n'))
            {
                _diagnostics.Add(new HclDiagnostic(_file, _line, _column + end - _pos, "invalid character: a carriage return must be followed by a newline"));
            }

            if ((c == '$' || c == '%') && end + 2 < _text.Length && _text[end + 1] == c && _text[end + 2] == '{')
            {
                end += 3;
            }
            else if ((c == '$' || c == '%') && end + 1 < _text.Length && _text[end + 1] == '{')
            {
                break;
            }
            else if (quoted && c == '\\' && end + 1 < _text.Length && _text[end + 1] is not ('\n' or '\r'))
            {
                end += 2;
            }
            else
            {
                end++;
            }
        }

        return end - _pos;
    }
}
