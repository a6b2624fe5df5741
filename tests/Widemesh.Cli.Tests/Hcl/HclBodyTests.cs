using Widemesh.Cli.Hcl;

namespace Widemesh.Cli.Tests.Hcl;

public sealed partial class HclBodyTests
{
    private const string Workspace = """
        # Managed by mesh.
        resource "widemesh_environment" "web" {
          # The last rack is where DNS points.
          name  = "web"
          racks   =  ["old"] # migrating soon
          tags  = { team = "ops" }

          lifecycle {
            prevent_destroy = true
          }
        }

        resource "widemesh_environment" "api" {
          name = "api"
        }

        """;

    [Fact]
    public void SetAttribute_replaces_only_the_expression_and_keeps_comments_and_spacing()
    {
        var file = HclFile.Parse(Workspace, "main.tf");

        file.Body.FindBlock("resource", "widemesh_environment", "web")!.Body
            .SetAttribute("racks", HclValue.List(["old", "new"]));

        Assert.Equal(Workspace.Replace("racks   =  [\"old\"]", "racks   =  [\"old\", \"new\"]", StringComparison.Ordinal), file.ToFullString());
    }

    [Theory]
    [InlineData("[\"old\", \"new\"]", "  racks = [\"old\", \"new\"] # migrating\n")]
    [InlineData("[]", "  racks = []             # migrating\n")]
    [InlineData("[\"a-very-long-rack-name\"]", "  racks = [\"a-very-long-rack-name\"] # migrating\n")]
    public void A_trailing_comment_aligned_with_its_neighbours_keeps_its_column_when_there_is_room(string value, string expectedLine)
    {
        const string Source = "b {\n  name  = \"web\"          # the name\n  racks = [\"old\", \"new\"] # migrating\n}\n";
        var file = HclFile.Parse(Source);

        file.Body.FindBlock("b")!.Body.SetAttributeRaw("racks", value);

        Assert.Equal(Source.Replace("  racks = [\"old\", \"new\"] # migrating\n", expectedLine, StringComparison.Ordinal), file.ToFullString());
    }

    [Fact]
    public void A_lone_trailing_comment_keeps_its_spacing()
    {
        var file = HclFile.Parse("b {\n  racks = [\"old\", \"new\"] # migrating\n}\n");

        file.Body.FindBlock("b")!.Body.SetAttributeRaw("racks", "[]");

        Assert.Equal("b {\n  racks = [] # migrating\n}\n", file.ToFullString());
    }

    [Fact]
    public void A_list_written_one_item_per_line_stays_that_way()
    {
        var file = HclFile.Parse("b {\n  name = \"web\"\n  racks = [\n    \"old\", # first\n  ]\n}\n");

        file.Body.FindBlock("b")!.Body.SetAttribute("racks", HclValue.List(["old", "new"]));

        Assert.Equal("b {\n  name = \"web\"\n  racks = [\n    \"old\",\n    \"new\",\n  ]\n}\n", file.ToFullString());
    }

    [Fact]
    public void Edited_attribute_is_the_only_difference()
    {
        var text = HclCorpus.Read("widemesh_workspace.tf");
        var file = HclFile.Parse(text);
        var racks = file.Body.FindBlock("resource", "widemesh_environment", "web")!.Body.FindAttribute("racks")!;
        var before = racks.Expression.ToSourceText();
        var at = text.IndexOf(before, StringComparison.Ordinal);

        file.Body.FindBlock("resource", "widemesh_environment", "web")!.Body.SetAttributeRaw("racks", "[\"eu-west\"]");
        var edited = file.ToFullString();

        Assert.Equal(text[..at], edited[..at]);
        Assert.Equal(text[(at + before.Length)..], edited[(at + "[\"eu-west\"]".Length)..]);
    }

    [Fact]
    public void Edits_keep_crlf_line_endings()
    {
        var file = HclFile.Parse(HclCorpus.Read("crlf.tf"));
        var body = file.Body.FindBlock("resource")!.Body;

        body.SetAttribute("racks", HclValue.List(["c"]));
        body.SetAttribute("replicas", HclValue.From(2));

        Assert.Contains("racks = [\"c\"] # windows\r\n", file.ToFullString(), StringComparison.Ordinal);
        Assert.EndsWith("EOT\r\n  replicas = 2\r\n}\r\n", file.ToFullString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\n", file.ToFullString().Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void SetAttribute_appends_a_missing_attribute_after_the_last_one_aligned_like_terraform_fmt()
    {
        var file = HclFile.Parse("resource \"a\" \"b\" {\n  name = \"x\"\n  id   = 1\n\n  lifecycle {}\n}\n");

        file.Body.FindBlock("resource")!.Body.SetAttribute("racks", HclValue.List(["r"]));

        Assert.Equal("resource \"a\" \"b\" {\n  name  = \"x\"\n  id    = 1\n  racks = [\"r\"]\n\n  lifecycle {}\n}\n", file.ToFullString());
    }

    [Theory]
    [InlineData("b {}\n", "b {\n  x = 1\n}\n")]
    [InlineData("b {\n}\n", "b {\n  x = 1\n}\n")]
    [InlineData("b { a = 1 }\n", "b {\n  a = 1\n  x = 1\n}\n")]
    [InlineData("  b {\n    # only a comment\n  }\n", "  b {\n    # only a comment\n    x = 1\n  }\n")]
    [InlineData("b {\n  c {}\n}\n", "b {\n  x = 1\n\n  c {}\n}\n")]
    public void SetAttribute_adds_to_empty_one_line_and_block_only_bodies(string source, string expected)
    {
        var file = HclFile.Parse(source);

        file.Body.FindBlock("b")!.Body.SetAttribute("x", HclValue.From(1));

        Assert.Equal(expected, file.ToFullString());
    }

    [Fact]
    public void RemoveAttribute_removes_the_line_with_its_comments()
    {
        var file = HclFile.Parse(Workspace);
        var body = file.Body.FindBlock("resource", "widemesh_environment", "web")!.Body;

        Assert.True(body.RemoveAttribute("name"));
        Assert.False(body.RemoveAttribute("missing"));

        Assert.Equal(
            Workspace.Replace("  # The last rack is where DNS points.\n  name  = \"web\"\n", "", StringComparison.Ordinal),
            file.ToFullString());
    }

    [Fact]
    public void Removing_every_attribute_leaves_an_empty_block()
    {
        var file = HclFile.Parse("b {\n  x = 1\n  y = 2\n}\n");
        var body = file.Body.FindBlock("b")!.Body;

        body.RemoveAttribute("x");
        body.RemoveAttribute("y");

        Assert.Equal("b {\n}\n", file.ToFullString());
    }

    [Fact]
    public void AppendBlock_adds_a_formatted_block_after_a_blank_line()
    {
        var file = HclFile.Parse(Workspace);

        file.Body.AppendBlock("resource", ["widemesh_environment", "db"], b => b.Attribute("name", "db").Attribute("racks", ["r1"]));

        Assert.Equal(
            Workspace + "\nresource \"widemesh_environment\" \"db\" {\n  name  = \"db\"\n  racks = [\"r1\"]\n}\n",
            file.ToFullString());
        Assert.NotNull(HclFile.Parse(file.ToFullString()).Body.FindBlock("resource", "widemesh_environment", "db"));
    }

    [Theory]
    [InlineData("a {}\n", "a {}\n\nb {\n}\n")]
    [InlineData("a {}\n\n", "a {}\n\nb {\n}\n")]
    [InlineData("a {}\n# end\n", "a {}\n# end\n\nb {\n}\n")]
    [InlineData("# only a comment\n", "# only a comment\n\nb {\n}\n")]
    [InlineData("a {}\r\n\r\n", "a {}\r\n\r\nb {\r\n}\r\n")]
    public void AppendBlock_leaves_exactly_one_blank_line_before_the_new_block(string source, string expected)
    {
        var file = HclFile.Parse(source);

        file.Body.AppendBlock("b", []);

        Assert.Equal(expected, file.ToFullString());
    }

    [Fact]
    public void AppendBlock_to_an_empty_file_starts_at_the_top()
    {
        var file = HclFile.Parse("");

        file.Body.AppendBlock("terraform", []);

        Assert.Equal("terraform {\n}\n", file.ToFullString());
    }

    [Fact]
    public void AppendBlock_keeps_a_missing_final_newline_missing()
    {
        var file = HclFile.Parse(HclCorpus.Read("no_final_newline.tf"));

        file.Body.AppendBlock("b", []);

        Assert.EndsWith("}\n\nb {\n}", file.ToFullString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RemoveBlock_removes_the_block_and_its_comments()
    {
        var file = HclFile.Parse(Workspace);

        Assert.True(file.Body.RemoveBlock(file.Body.FindBlock("resource", "widemesh_environment", "web")!));

        Assert.Equal(Workspace[Workspace.IndexOf("\nresource \"widemesh_environment\" \"api\"", StringComparison.Ordinal)..], file.ToFullString());
    }

    [Fact]
    public void FindBlock_matches_type_and_leading_labels()
    {
        var file = HclFile.Parse(Workspace);

        Assert.Equal(2, file.Body.FindBlocks("resource", "widemesh_environment").Count());
        Assert.Equal("api", file.Body.FindBlock("resource", "widemesh_environment", "api")!.Labels[1]);
        Assert.Null(file.Body.FindBlock("resource", "widemesh_rack"));
    }

    [Fact]
    public void Attribute_exposes_its_source_text_and_value()
    {
        var file = HclFile.Parse(Workspace);
        var racks = file.Body.FindBlock("resource", "widemesh_environment", "web")!.Body.FindAttribute("racks")!;

        Assert.Equal("[\"old\"]", racks.ExpressionText);
        Assert.Equal(["old"], HclEvaluator.Evaluate(racks, file).Value!.AsStringList()!);
    }

    [Fact]
    public void Files_with_errors_can_still_be_edited_around_the_broken_line()
    {
        var file = HclFile.Parse("a = ]");

        file.Body.SetAttribute("b", HclValue.From(1));

        Assert.Equal("a = ]\nb = 1", file.ToFullString());
    }

    [Fact]
    public void SetAttributeRaw_accepts_a_heredoc()
    {
        var file = HclFile.Parse("b {\n  x = 1 # one\n}\n");

        file.Body.FindBlock("b")!.Body.SetAttributeRaw("x", "<<EOT\nline\nEOT");

        Assert.Equal("b {\n  # one\n  x = <<EOT\nline\nEOT\n}\n", file.ToFullString());
        Assert.Empty(HclFile.Parse(file.ToFullString()).Errors);
    }

    [Theory]
    [InlineData("[1,")]
    [InlineData("1 # comment")]
    [InlineData("")]
    public void SetAttributeRaw_refuses_text_that_is_not_one_expression(string source)
    {
        var file = HclFile.Parse(Workspace);
        var body = file.Body.FindBlock("resource")!.Body;

        var error = Assert.Throws<ArgumentException>(() => body.SetAttributeRaw("racks", source));

        Assert.Contains("is not a valid HCL expression", error.Message, StringComparison.Ordinal);
        Assert.Equal(Workspace, file.ToFullString());
    }
}
