using Widemesh.Cli.Hcl;

namespace Widemesh.Cli.Tests.Hcl;

public sealed partial class HclParserTests
{
    [Theory]
    [InlineData("a = \n", "main.tf:1:5: expected an expression, found newline")]
    [InlineData("a = [1, 2\nb = 3\n", "main.tf:2:1: expected \",\" or \"]\" in the list, found identifier \"b\"")]
    [InlineData("resource \"x\" {\n  a = 1\n", "main.tf:3:1: expected \"}\" to close the block opened at 1:14, found end of file")]
    [InlineData("a = \"unterminated\nb = 1\n", "main.tf:1:18: expected a closing quote, found newline")]
    [InlineData("x = <<EOT\nnever closed\n", "main.tf:3:1: expected the heredoc end marker EOT, found end of file")]
    [InlineData("a = 1 2\n", "main.tf:1:7: expected a newline after the attribute, found number 2")]
    [InlineData("block \"${x}\" {}\n", "main.tf:1:8: block labels cannot contain template sequences: use a plain string such as \"web\"")]
    [InlineData("= 1\n", "main.tf:1:1: expected an attribute or a block, found \"=\"")]
    [InlineData("a = { b 1 }\n", "main.tf:1:9: expected \"=\" or \":\" after the object key, found number 1")]
    [InlineData("a = \"%{ if x }y\"\n", "main.tf:1:16: expected %{ endif }, found end of a string")]
    [InlineData("a = x.\n", "main.tf:1:7: expected an attribute name, an index or \"*\" after \".\", found newline")]
    [InlineData("a = f(1 2)\n", "main.tf:1:9: expected \",\" or \")\" in the function call, found number 2")]
    [InlineData("a = 1 @\n", "main.tf:1:7: expected a newline after the attribute, found invalid character \"@\"")]
    [InlineData("/* open\n", "main.tf:1:1: unterminated comment: expected \"*/\", found end of file")]
    [InlineData("b { a = 1\n}\n", "main.tf:1:10: expected \"}\" right after the only attribute of a one-line block, found newline")]
    [InlineData("b { c {} }\n", "main.tf:1:7: expected \"=\": a block on one line can hold only one attribute, found \"{\"")]
    [InlineData("b {\n  a = 1 }\n", "main.tf:2:9: expected a newline after the attribute, found \"}\"")]
    [InlineData("a = \"x\\qy\"\n", "main.tf:1:7: invalid escape sequence \"\\q\": use \\n, \\r, \\t, \\\", \\\\, \\uNNNN or \\UNNNNNNNN (\\\\ for a backslash)")]
    public void Syntax_errors_name_file_line_column_and_what_was_expected(string source, string expected)
    {
        var file = HclFile.Parse(source, "main.tf");

        Assert.Equal(expected, file.Errors[0].ToString());
    }

    [Theory]
    [InlineData("b \"\\u12\" {}\n")]
    [InlineData("a = \"\\U0011FFFF\"\n")]
    [InlineData("a = \"${\"\\x\"}\"\n")]
    public void Invalid_escapes_are_errors_in_labels_strings_and_nested_strings(string source)
    {
        var file = HclFile.Parse(source);

        Assert.Contains("invalid escape sequence", Assert.Single(file.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Backslashes_in_heredocs_are_plain_text()
    {
        var file = HclFile.Parse("a = <<EOT\n\\q\nEOT\n");

        Assert.Empty(file.Errors);
    }

    [Fact]
    public void Several_errors_are_collected_and_the_rest_is_still_parsed()
    {
        var file = HclFile.Parse("a = \nb = 2\nc = ]\nd {\n  e = (\n}\nf = 6\n", "main.tf");

        Assert.Equal([1, 3, 6], file.Errors.Select(e => e.Line));
        Assert.Equal(["b", "f"], file.Body.Attributes.Select(a => a.Name));
        Assert.NotNull(file.Body.FindBlock("d"));
    }

    [Fact]
    public void A_truncated_file_keeps_the_blocks_it_could_read()
    {
        var file = HclFile.Parse("resource \"a\" \"b\" {\n  name = \"x\"\n  lifecycle {\n    prevent_destroy = true\n", "main.tf");

        var block = Assert.Single(file.Body.Blocks);

        Assert.Equal("\"x\"", block.Body.FindAttribute("name")!.ExpressionText);
        Assert.NotNull(block.Body.FindBlock("lifecycle")!.Body.FindAttribute("prevent_destroy"));
        Assert.Equal(2, file.Errors.Count);
    }

    [Fact]
    public void Files_with_errors_still_print_back_exactly()
    {
        const string source = "a = [1,\nb = {\n c = \"x\n}\n}}\n";

        var file = HclFile.Parse(source);

        Assert.True(file.HasErrors);
        Assert.Equal(source, file.ToFullString());
    }
}
