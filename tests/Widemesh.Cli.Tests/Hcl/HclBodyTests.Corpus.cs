using Widemesh.Cli.Hcl;

namespace Widemesh.Cli.Tests.Hcl;

public sealed partial class HclBodyTests
{
    public static TheoryData<string> CorpusFiles => HclCorpus.Names;

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Setting_any_corpus_attribute_changes_only_its_expression(string name)
    {
        var text = HclCorpus.Read(name);
        var count = Paths(HclFile.Parse(text).Body).Count;

        for (var i = 0; i < count; i++)
        {
            var file = HclFile.Parse(text);
            var (body, attribute) = Paths(file.Body)[i];
            var start = Offset(file, attribute.Expression.AllTokens().First()) + attribute.Expression.FirstToken()!.LeadingTrivia.Length;
            var length = attribute.ExpressionText.Length;

            body.SetAttributeRaw(attribute.Name, "[\"x\"]");
            var edited = file.ToFullString();

            Assert.Equal(text[..start] + "[\"x\"]" + text[(start + length)..], edited);
            Assert.Empty(HclFile.Parse(edited).Errors);
        }
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Removing_any_corpus_attribute_or_adding_one_to_any_body_keeps_the_file_valid(string name)
    {
        var text = HclCorpus.Read(name);
        var count = Paths(HclFile.Parse(text).Body).Count;

        for (var i = 0; i < count; i++)
        {
            var removed = HclFile.Parse(text);
            var (body, attribute) = Paths(removed.Body)[i];
            body.RemoveAttribute(attribute.Name);
            var added = HclFile.Parse(text);
            Paths(added.Body)[i].Body.SetAttribute("added_by_test", HclValue.List(["a", "b"]));

            Assert.Empty(HclFile.Parse(removed.ToFullString()).Errors);
            Assert.Empty(HclFile.Parse(added.ToFullString()).Errors);
            Assert.Contains(HclFile.Parse(added.ToFullString()).AllTokens(), t => t.Text == "added_by_test");
        }
    }

    private static List<(HclBody Body, HclAttribute Attribute)> Paths(HclBody body) =>
        [.. body.Items.SelectMany(item => item switch
        {
            HclAttribute attribute => [(body, attribute)],
            HclBlock block => Paths(block.Body),
            _ => [],
        })];

    private static int Offset(HclFile file, HclToken token) =>
        file.AllTokens().TakeWhile(t => !ReferenceEquals(t, token)).Sum(t => t.FullText.Length);
}
