using Widemesh.Sdk.Naming;

namespace Widemesh.Sdk.Tests.Naming;

public sealed class NameRulesTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("web")]
    [InlineData("my-environment-2")]
    [InlineData("a1-b2-c3")]
    [InlineData("abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk")]
    public void Valid_dns_labels_pass(string name)
    {
        Assert.Null(NameRules.Validate(name, "name"));
        Assert.True(NameRules.IsValid(name));
    }

    [Theory]
    [InlineData(null, "name is required")]
    [InlineData("", "name is required")]
    [InlineData("abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl", "is 64 characters long; a name has at most 63")]
    [InlineData("1web", "must start with a lowercase letter")]
    [InlineData("-web", "must start with a lowercase letter")]
    [InlineData("Web", "(try 'web')")]
    [InlineData("my_env", "contains '_' at position 3")]
    [InlineData("my.env", "contains '.' at position 3")]
    [InlineData("my env", "contains ' ' at position 3")]
    [InlineData("myEnv", "names are lowercase (try 'myenv')")]
    [InlineData("web-", "must not end with '-'")]
    [InlineData("wéb", "contains 'é'")]
    public void Each_broken_rule_is_named_with_the_field(string? name, string message)
    {
        var problem = NameRules.Validate(name, "environment");

        Assert.NotNull(problem);
        Assert.StartsWith("environment", problem, StringComparison.Ordinal);
        Assert.Contains(message.Replace("name is required", "is required", StringComparison.Ordinal), problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bad_Name", "bad-name")]
    [InlineData("My Shop!", "my-shop")]
    [InlineData("1st-env", "st-env")]
    [InlineData("web--", "web")]
    public void Suggestions_are_themselves_valid_names(string name, string suggestion)
    {
        Assert.Equal(suggestion, NameRules.Suggest(name));
        Assert.Contains($"(try '{suggestion}')", NameRules.Validate(name, "name"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("___")]
    [InlineData("123")]
    public void No_suggestion_is_made_when_nothing_valid_remains(string name)
    {
        Assert.Null(NameRules.Suggest(name));
        Assert.DoesNotContain("(try", NameRules.Validate(name, "name"), StringComparison.Ordinal);
    }

    [Fact]
    public void Ordered_distinct_racks_pass()
    {
        Assert.Null(NameRules.ValidateRacks(["old", "new"], "racks"));
    }

    [Fact]
    public void An_empty_or_missing_rack_list_is_refused()
    {
        Assert.Contains("at least one rack", NameRules.ValidateRacks([], "racks"), StringComparison.Ordinal);
        Assert.Contains("at least one rack", NameRules.ValidateRacks(null, "racks"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_rack_is_refused_with_both_positions()
    {
        var problem = NameRules.ValidateRacks(["a", "b", "a"], "racks");

        Assert.Equal("racks lists rack 'a' twice (at 0 and 2); list each rack once.", problem);
    }

    [Fact]
    public void An_invalid_rack_name_is_reported_with_its_index()
    {
        Assert.StartsWith("racks[1] 'B'", NameRules.ValidateRacks(["a", "B"], "racks"), StringComparison.Ordinal);
    }
}
