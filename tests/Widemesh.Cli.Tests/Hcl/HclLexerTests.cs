using Widemesh.Cli.Hcl;

namespace Widemesh.Cli.Tests.Hcl;

public sealed class HclLexerTests
{
    [Fact]
    public void Comments_and_whitespace_become_leading_trivia()
    {
        var tokens = Lex("a = 1 # one\n/* two */ b");

        Assert.Equal(
            [("", "a"), (" ", "="), (" ", "1"), (" # one", "\n"), ("/* two */ ", "b"), ("", "")],
            tokens.Select(t => (t.LeadingTrivia, t.Text)));
    }

    [Fact]
    public void Templates_split_into_literals_and_sequences_with_strip_markers()
    {
        var tokens = Lex("\"a${~ x ~}b%{ if y }c%{ endif }\"");

        Assert.Equal(
            [
                HclTokenKind.OpenQuote, HclTokenKind.TemplateLiteral, HclTokenKind.TemplateInterpolation, HclTokenKind.Identifier,
                HclTokenKind.TemplateSequenceEnd, HclTokenKind.TemplateLiteral, HclTokenKind.TemplateControl, HclTokenKind.Identifier,
                HclTokenKind.Identifier, HclTokenKind.TemplateSequenceEnd, HclTokenKind.TemplateLiteral, HclTokenKind.TemplateControl,
                HclTokenKind.Identifier, HclTokenKind.TemplateSequenceEnd, HclTokenKind.CloseQuote, HclTokenKind.EndOfFile,
            ],
            tokens.Select(t => t.Kind));
        Assert.Equal("${~", tokens[2].Text);
        Assert.Equal("~}", tokens[4].Text);
    }

    [Fact]
    public void Braces_inside_an_interpolation_do_not_end_it()
    {
        var tokens = Lex("\"${ { a = 1 }.a }\"");

        Assert.Equal(HclTokenKind.CloseBrace, tokens[6].Kind);
        Assert.Equal(HclTokenKind.TemplateSequenceEnd, tokens[9].Kind);
    }

    [Fact]
    public void Escaped_sequences_stay_in_the_literal()
    {
        var tokens = Lex("\"$${a} %%{b} \\\" c\"");

        Assert.Equal("$${a} %%{b} \\\" c", tokens[1].Text);
        Assert.Equal(HclTokenKind.CloseQuote, tokens[2].Kind);
    }

    [Fact]
    public void Heredoc_lines_end_at_the_marker_on_its_own_line()
    {
        var tokens = Lex("<<EOT\nEOT is not alone\n  EOT\n");

        Assert.Equal(
            [HclTokenKind.OpenHeredoc, HclTokenKind.TemplateLiteral, HclTokenKind.CloseHeredoc, HclTokenKind.Newline, HclTokenKind.EndOfFile],
            tokens.Select(t => t.Kind));
        Assert.Equal("  ", tokens[2].LeadingTrivia);
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("1.5e+10", "1.5e+10")]
    [InlineData("2E3x", "2E3")]
    [InlineData("3.", "3")]
    [InlineData("4e", "4")]
    public void Numbers_take_fraction_and_exponent_only_when_digits_follow(string source, string number)
    {
        Assert.Equal(number, Lex(source)[0].Text);
    }

    [Fact]
    public void Positions_are_one_based_and_count_tabs_and_characters_as_one_column()
    {
        var tokens = Lex("\tcafé = x\n  y");

        Assert.Equal((1, 2), (tokens[0].Line, tokens[0].Column));
        Assert.Equal((1, 7), (tokens[1].Line, tokens[1].Column));
        Assert.Equal((2, 3), (tokens[4].Line, tokens[4].Column));
    }

    [Fact]
    public void Unknown_characters_become_invalid_tokens()
    {
        var tokens = Lex("a @ b");

        Assert.Equal(HclTokenKind.Invalid, tokens[1].Kind);
    }

    private static IReadOnlyList<HclToken> Lex(string source) => HclLexer.Tokenize(source, "test.tf").Tokens;
}
