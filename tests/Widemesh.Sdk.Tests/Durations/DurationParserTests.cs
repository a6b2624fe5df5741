using Widemesh.Sdk.Durations;

namespace Widemesh.Sdk.Tests.Durations;

public sealed class DurationParserTests
{
    public static TheoryData<string, TimeSpan> Accepted => new()
    {
        { "30s", TimeSpan.FromSeconds(30) },
        { "15m", TimeSpan.FromMinutes(15) },
        { "1h", TimeSpan.FromHours(1) },
        { "1h30m", TimeSpan.FromMinutes(90) },
        { "2h15m10s", new TimeSpan(2, 15, 10) },
        { "90m", TimeSpan.FromMinutes(90) },
        { "0s", TimeSpan.Zero },
        { " 5m ", TimeSpan.FromMinutes(5) },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Accepted_forms_parse(string text, TimeSpan expected)
    {
        Assert.True(DurationParser.TryParse(text, out var duration, out var error));
        Assert.Equal(expected, duration);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("30")]
    [InlineData("s")]
    [InlineData("1d")]
    [InlineData("1.5h")]
    [InlineData("-5m")]
    [InlineData("30m1h")]
    [InlineData("1h1h")]
    [InlineData("1 h")]
    [InlineData("1H")]
    [InlineData("99999999999999999999h")]
    public void Malformed_durations_are_refused_with_the_accepted_forms(string text)
    {
        Assert.False(DurationParser.TryParse(text, out _, out var error));
        Assert.Contains("30s, 15m, 1h, 1h30m", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_throws_a_format_exception_with_the_same_message()
    {
        var error = Assert.Throws<FormatException>(() => DurationParser.Parse("soon"));

        Assert.Contains("'soon' is not a duration", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5400, "1h30m")]
    [InlineData(30, "30s")]
    [InlineData(0, "0s")]
    [InlineData(8110, "2h15m10s")]
    public void Format_writes_what_parse_reads(int seconds, string text)
    {
        Assert.Equal(text, DurationParser.Format(TimeSpan.FromSeconds(seconds)));
        Assert.Equal(TimeSpan.FromSeconds(seconds), DurationParser.Parse(text));
    }
}
