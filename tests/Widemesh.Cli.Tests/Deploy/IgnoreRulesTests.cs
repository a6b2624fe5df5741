using Widemesh.Cli.Deploy;

namespace Widemesh.Cli.Tests.Deploy;

public sealed class IgnoreRulesTests
{
    [Theory]
    [InlineData(".git", true, true)]
    [InlineData("web/.git", true, true)]
    [InlineData("web/bin", true, true)]
    [InlineData("web/bin", false, false)]
    [InlineData("notes.swp", false, true)]
    [InlineData("docs/notes.swp", false, true)]
    [InlineData("data/cache/x.db", false, true)]
    [InlineData("data/x.db", false, true)]
    [InlineData("other/x.db", false, false)]
    [InlineData("out/web/web.dll", false, false)]
    [InlineData("secrets", true, true)]
    [InlineData("app/secrets", true, false)]
    public void Patterns_match_names_anywhere_and_paths_from_the_root(string path, bool isDirectory, bool ignored)
    {
        var rules = IgnoreRules.Parse(["# comment", "bin/", "*.swp", "data/**/*.db", "/secrets", ""]);

        Assert.Equal(ignored, rules.IsIgnored(path, isDirectory));
    }
}
