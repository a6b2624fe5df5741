using Widemesh.Cli.Hcl;

namespace Widemesh.Cli.Tests.Hcl;

public sealed class HclEvaluatorTests
{
    [Theory]
    [InlineData("\"a\\n\\t\\\"\\\\b\"", "a\n\t\"\\b")]
    [InlineData("\"caf\\u00e9 \\U0001F600\"", "café 😀")]
    [InlineData("\"$${x} %%{y}\"", "${x} %{y}")]
    [InlineData("\"a ${\"b\"} ${1.50} ${true}\"", "a b 1.5 true")]
    [InlineData("\"a  ${~ \"b\" ~}  c\"", "abc")]
    [InlineData("\"${\"nested ${\"deep\"}\"}!\"", "nested deep!")]
    [InlineData("<<EOT\nline\n  $${kept}\nEOT\n", "line\n  ${kept}\n")]
    [InlineData("<<-EOT\n    a\n      b\n\n    c\n    EOT\n", "a\n  b\n\nc\n")]
    [InlineData("<<-EOT\r\n  x\r\n  EOT\r\n", "x\r\n")]
    public void Constant_templates_evaluate_to_strings(string source, string expected)
    {
        var result = Evaluate(source);

        Assert.Equal(new HclString(expected), result.Value);
    }

    [Theory]
    [InlineData("42", "42")]
    [InlineData("-1.50", "-1.5")]
    [InlineData("1e3", "1000")]
    [InlineData("2.5E-3", "0.0025")]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567890")]
    [InlineData("- - 7", "7")]
    public void Numbers_are_exact(string source, string expected)
    {
        var number = Assert.IsType<HclNumber>(Evaluate(source).Value);

        Assert.Equal(expected, number.ToString());
    }

    [Fact]
    public void Tuples_and_objects_evaluate_in_order()
    {
        var result = Evaluate("{ b = [1, \"x\", null], \"a\" = { c : true }, (\"k\") = !false }");

        Assert.Equal(
            HclValue.Object(
                ("b", HclValue.List(HclValue.From(1), HclValue.From("x"), HclValue.Null)),
                ("a", HclValue.Object(("c", HclValue.From(true)))),
                ("k", HclValue.From(true))),
            result.Value);
    }

    [Fact]
    public void String_lists_convert_for_the_engine()
    {
        var result = Evaluate("[\"old\", \"new\"]");

        Assert.Equal(["old", "new"], result.Value!.AsStringList()!);
    }

    [Theory]
    [InlineData("[1, var.x]", "a reference", 1, 9)]
    [InlineData("upper(\"a\")", "a call of the function upper", 1, 5)]
    [InlineData("[for x in y : x]", "a for expression", 1, 5)]
    [InlineData("1 + 2", "the operator +", 1, 7)]
    [InlineData("a ? 1 : 2", "a conditional expression", 1, 5)]
    [InlineData("\"%{ if true }x%{ endif }\"", "a template directive", 1, 6)]
    [InlineData("\"${null}x\"", "a null value in a template", 1, 6)]
    [InlineData("{ a = 1, a = 2 }", "a duplicate object key \"a\"", 1, 14)]
    [InlineData("1e99999", "the number 1e99999 (out of range)", 1, 5)]
    public void Unsupported_constructs_are_reported_with_their_position(string source, string kind, int line, int column)
    {
        var result = Evaluate(source);

        Assert.Null(result.Value);
        Assert.Equal(new HclUnsupportedConstruct(kind, "main.tf", line, column), result.Unsupported);
    }

    private static HclEvaluation Evaluate(string expression)
    {
        var file = HclFile.Parse($"x = {expression}\n", "main.tf");
        Assert.Empty(file.Errors);
        return HclEvaluator.Evaluate(file.Body.FindAttribute("x")!, file);
    }
}
