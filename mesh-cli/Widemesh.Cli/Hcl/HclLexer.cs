namespace Widemesh.Cli.Hcl;

/// <summary>
/// Splits source text into tokens that keep every character: whitespace and comments become the
/// leading trivia of the next token, so concatenating the tokens gives back the input exactly.
/// </summary>
internal sealed partial class HclLexer
{
    private readonly string _text;
    private readonly string _file;
    private readonly List<HclToken> _tokens = [];
    private readonly List<HclDiagnostic> _diagnostics = [];
    private readonly Stack<HclLexerFrame> _frames = new();
    private int _pos;
    private int _line = 1;
    private int _column = 1;

    private HclLexer(string text, string file)
    {
        _text = text;
        _file = file;
    }

    public static HclLexResult Tokenize(string text, string file)
    {
        var lexer = new HclLexer(text, file);
        lexer.Run();
        return new HclLexResult(lexer._tokens, lexer._diagnostics);
    }

    private void Run()
    {
        _frames.Push(new HclLexerFrame(HclLexerMode.Normal));
        var running = true;
        while (running)
        {
            var frame = _frames.Peek();
            switch (frame.Mode)
            {
                case HclLexerMode.QuotedTemplate:
                    LexQuoted();
                    break;
                case HclLexerMode.HeredocTemplate:
                    LexHeredoc(frame);
                    break;
                default:
                    running = LexNormal(frame);
                    break;
            }
        }
    }

    private char Peek(int offset = 0) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private bool At(string s) => string.CompareOrdinal(_text, _pos, s, 0, s.Length) == 0;

    private bool AtNewline() => Peek() == '\n' || (Peek() == '\r' && Peek(1) == '\n');

    private void Move(int count)
    {
        var end = Math.Min(_pos + count, _text.Length);
        for (; _pos < end; _pos++)
        {
            if (_text[_pos] == '\n')
            {
                _line++;
                _column = 1;
            }
            else
            {
                _column++;
            }
        }
    }

    private void Emit(HclTokenKind kind, int length, string trivia = "")
    {
        _tokens.Add(new HclToken(kind, _text.Substring(_pos, length), trivia, _line, _column));
        Move(length);
    }

    private void Error(string message) => _diagnostics.Add(new HclDiagnostic(_file, _line, _column, message));

    private void PushTemplateSequence(HclTokenKind kind)
    {
        var length = Peek(2) == '~' ? 3 : 2;
        Emit(kind, length);
        _frames.Push(new HclLexerFrame(HclLexerMode.Interpolation));
    }
}
