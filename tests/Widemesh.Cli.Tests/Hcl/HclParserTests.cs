using Widemesh.Cli.Hcl;

namespace Widemesh.Cli.Tests.Hcl;

public sealed partial class HclParserTests
{
    public static TheoryData<string> CorpusFiles => HclCorpus.Names;

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Corpus_file_round_trips_byte_for_byte(string name)
    {
        var text = HclCorpus.Read(name);

        var file = HclFile.Parse(text, name);

        Assert.Empty(file.Errors);
        Assert.Equal(text, file.ToFullString());
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Corpus_file_has_no_unparsed_items(string name)
    {
        var file = HclFile.Parse(HclCorpus.Read(name), name);

        Assert.DoesNotContain(file.AllTokens(), t => t.Kind == HclTokenKind.Invalid);
        Assert.All(Descendants(file.Body), item => Assert.IsNotType<HclUnparsedItem>(item));
    }

    [Fact]
    public void Blocks_keep_type_and_labels()
    {
        var file = HclFile.Parse("resource \"widemesh_environment\" web {\n  name = \"web\"\n}\n");

        var block = Assert.Single(file.Body.Blocks);

        Assert.Equal("resource", block.Type);
        Assert.Equal(["widemesh_environment", "web"], block.Labels);
        Assert.Equal("\"web\"", Assert.Single(block.Body.Attributes).ExpressionText);
    }

    [Fact]
    public void One_line_block_holds_its_attribute()
    {
        var file = HclFile.Parse("data \"x\" \"y\" { name = \"legacy\" }\n");

        var block = Assert.Single(file.Body.Blocks);

        Assert.Equal("name", Assert.Single(block.Body.Attributes).Name);
    }

    [Fact]
    public void Binary_operators_follow_precedence()
    {
        var file = HclFile.Parse("x = a || b && c == d + e * f\n");

        var or = Assert.IsType<HclBinaryExpression>(file.Body.FindAttribute("x")!.Expression);
        var and = Assert.IsType<HclBinaryExpression>(or.Right);
        var equal = Assert.IsType<HclBinaryExpression>(and.Right);
        var plus = Assert.IsType<HclBinaryExpression>(equal.Right);
        var times = Assert.IsType<HclBinaryExpression>(plus.Right);

        Assert.Equal(["||", "&&", "==", "+", "*"], new[] { or, and, equal, plus, times }.Select(e => e.Operator.Text));
    }

    [Fact]
    public void Same_level_operators_associate_to_the_left()
    {
        var file = HclFile.Parse("x = a / b * c\n");

        var times = Assert.IsType<HclBinaryExpression>(file.Body.FindAttribute("x")!.Expression);

        Assert.Equal("*", times.Operator.Text);
        Assert.Equal("a / b", Assert.IsType<HclBinaryExpression>(times.Left).ToSourceText());
    }

    [Theory]
    [InlineData("[for x in xs : x]", false)]
    [InlineData("{ for k, v in m : k => v... if v != null }", true)]
    public void For_expressions_are_recognised(string source, bool isObject)
    {
        var file = HclFile.Parse($"x = {source}\n");

        var expression = Assert.IsType<HclForExpression>(file.Body.FindAttribute("x")!.Expression);

        Assert.Equal(isObject, expression.IsObject);
    }

    [Fact]
    public void Provider_functions_keep_their_namespaced_name()
    {
        var file = HclFile.Parse("x = provider::aws::arn_parse(a)\n");

        var call = Assert.IsType<HclFunctionCallExpression>(file.Body.FindAttribute("x")!.Expression);

        Assert.Equal("provider::aws::arn_parse", call.Name);
    }

    [Fact]
    public void Newlines_inside_brackets_do_not_split_a_call_from_its_arguments()
    {
        var file = HclFile.Parse("x = [f\n(1), [for\n v in y : v]]\n");

        var tuple = Assert.IsType<HclTupleExpression>(file.Body.FindAttribute("x")!.Expression);

        Assert.IsType<HclFunctionCallExpression>(tuple.Items[0].Value);
        Assert.IsType<HclForExpression>(tuple.Items[1].Value);
    }

    [Fact]
    public void Legacy_index_and_splats_are_traversals()
    {
        var file = HclFile.Parse("x = a.0.b[*].c.*.d\n");

        var expression = file.Body.FindAttribute("x")!.Expression;

        Assert.IsType<HclGetAttributeExpression>(expression);
        Assert.Equal(2, expression.AllTokens().Count(t => t.Kind == HclTokenKind.Star));
    }

    [Fact]
    public void Template_directives_nest()
    {
        var file = HclFile.Parse("x = \"%{ for v in vs ~}%{ if v }${v}%{ else }-%{ endif }%{ endfor }\"\n");

        var template = Assert.IsType<HclTemplateExpression>(file.Body.FindAttribute("x")!.Expression);
        var loop = Assert.IsType<HclTemplateFor>(Assert.Single(template.Parts));

        Assert.IsType<HclTemplateIf>(Assert.Single(loop.Body));
    }

    [Fact]
    public void Indented_heredoc_end_marker_may_be_indented()
    {
        var file = HclFile.Parse("x = <<-EOT\n    a\n    EOT\ny = 1\n");

        Assert.Empty(file.Errors);
        Assert.True(((HclTemplateExpression)file.Body.FindAttribute("x")!.Expression).IsIndentedHeredoc);
        Assert.NotNull(file.Body.FindAttribute("y"));
    }

    private static IEnumerable<HclBodyItem> Descendants(HclBody body) =>
        body.Items.SelectMany(item => item is HclBlock block ? Descendants(block.Body).Prepend(item) : [item]);
}
