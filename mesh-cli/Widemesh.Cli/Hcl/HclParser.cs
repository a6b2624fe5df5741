using System.Text;

namespace Widemesh.Cli.Hcl;

/// <summary>
/// Recursive-descent parser for the HCL native syntax. Every token ends up in the tree (lines with
/// errors become <see cref="HclUnparsedItem"/>s), nesting is bounded, and no input makes it throw.
/// </summary>
internal sealed partial class HclParser
{
    public const int MaxDepth = 200;
    private const int MaxErrors = 100;

    private readonly HclToken?[] _tokens;
    private readonly string _file;
    private readonly List<HclDiagnostic> _errors = [];
    private readonly List<bool> _ignoreNewlines = [];
    private int _pos;
    private int _depth;
    private HclToken _blockOpen = new(HclTokenKind.OpenBrace, "{");
    private string _layoutLineEnding = "\n";
    private bool _inQuotes;

    private HclParser(HclLexResult lexed, string file)
    {
        _tokens = [.. lexed.Tokens];
        _file = file;
        _errors.AddRange(lexed.Diagnostics);
    }

    public static HclFile ParseFile(string text, string path)
    {
        var parser = new HclParser(HclLexer.Tokenize(text, path), path);
        parser._ignoreNewlines.Add(false);
        parser._layoutLineEnding = HclTrivia.LineEnding(text);
        var body = parser.ParseBody(new HclBodyLayout("", "", parser._layoutLineEnding), topLevel: true);
        var errors = parser._errors.OrderBy(e => e.Line).ThenBy(e => e.Column).Take(MaxErrors).ToList();
        return new HclFile(path, body, errors);
    }

    /// <summary>
    /// Parses a standalone expression (leading trivia kept, trailing blank lines allowed but not part of it);
    /// null and <paramref name="errors"/> set if the text is not exactly one expression.
    /// </summary>
    public static HclExpression? ParseExpression(string text, string path, out IReadOnlyList<HclDiagnostic> errors)
    {
        var parser = new HclParser(HclLexer.Tokenize(text, path), path);
        parser._ignoreNewlines.Add(false);
        HclExpression? expression = null;
        try
        {
            expression = parser.ParseExpression();
            parser.FoldNewlines();
            if (parser.Current.Kind != HclTokenKind.EndOfFile)
            {
                throw parser.Fail($"expected the end of the expression, found {parser.Current.Describe()}");
            }

            if (!HclTrivia.IsBlank(parser.Current.LeadingTrivia))
            {
                throw parser.Fail("expected the end of the expression, found a comment (comments cannot be part of a value)");
            }
        }
        catch (HclParseException e)
        {
            parser.Report(e.Diagnostic);
            expression = null;
        }

        errors = parser._errors;
        return parser._errors.Count == 0 ? expression : null;
    }

    private bool IgnoringNewlines => _ignoreNewlines[^1];

    private HclToken Current
    {
        get
        {
            if (IgnoringNewlines && _tokens[_pos]!.Kind == HclTokenKind.Newline)
            {
                FoldNewlines();
            }

            return _tokens[_pos]!;
        }
    }

    /// <summary>The token <paramref name="offset"/> places ahead, skipping newlines where they are insignificant.</summary>
    private HclToken Peek(int offset)
    {
        var index = _pos;
        for (var seen = 0; index < _tokens.Length - 1; index++)
        {
            if (IgnoringNewlines && _tokens[index]!.Kind == HclTokenKind.Newline)
            {
                continue;
            }

            if (seen++ == offset)
            {
                break;
            }
        }

        return _tokens[index]!;
    }

    /// <summary>Moves newline tokens at the cursor into the leading trivia of the next token.</summary>
    private void FoldNewlines()
    {
        if (_tokens[_pos]!.Kind != HclTokenKind.Newline)
        {
            return;
        }

        var trivia = new StringBuilder();
        while (_tokens[_pos]!.Kind == HclTokenKind.Newline)
        {
            trivia.Append(_tokens[_pos]!.FullText);
            _tokens[_pos] = null;
            _pos++;
        }

        var next = _tokens[_pos]!;
        _tokens[_pos] = next.WithLeadingTrivia(trivia.Append(next.LeadingTrivia).ToString());
    }

    private HclToken Advance()
    {
        var token = Current;
        if (token.Kind != HclTokenKind.EndOfFile)
        {
            _pos++;
        }

        return token;
    }

    private bool At(HclTokenKind kind) => Current.Kind == kind;

    private bool AtKeyword(string keyword) => Current.Kind == HclTokenKind.Identifier && Current.Text == keyword;

    private HclToken? Optional(HclTokenKind kind) => At(kind) ? Advance() : null;

    private HclToken Expect(HclTokenKind kind, string what) =>
        At(kind) ? Advance() : throw Fail($"expected {what}, found {Current.Describe()}");

    private HclToken ExpectKeyword(string keyword, string what) =>
        AtKeyword(keyword) ? Advance() : throw Fail($"expected {what}, found {Current.Describe()}");

    private HclParseException Fail(string message, HclToken? at = null)
    {
        var token = at ?? Current;
        return new HclParseException(new HclDiagnostic(_file, token.Line, token.Column, message));
    }

    private void Report(HclDiagnostic diagnostic)
    {
        if (_errors.Count < MaxErrors)
        {
            _errors.Add(diagnostic);
        }
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw Fail($"nesting is too deep: blocks and expressions may be nested at most {MaxDepth} levels");
        }
    }

    private void Exit() => _depth--;

    private void PushNewlines(bool ignore) => _ignoreNewlines.Add(ignore);

    private void PopNewlines() => _ignoreNewlines.RemoveAt(_ignoreNewlines.Count - 1);
}
