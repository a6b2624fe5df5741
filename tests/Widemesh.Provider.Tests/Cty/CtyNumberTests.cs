using Widemesh.Provider.Cty;

namespace Widemesh.Provider.Tests.Cty;

public sealed class CtyNumberTests
{
    [Theory]
    [InlineData("1", "1.0")]
    [InlineData("1.5", "15e-1")]
    [InlineData("-0.001", "-1E-3")]
    [InlineData("1200", "1.2e3")]
    [InlineData("0", "-0.000")]
    public void Equality_is_by_value(string a, string b)
    {
        Assert.Equal(CtyNumber.Parse(a), CtyNumber.Parse(b));
        Assert.Equal(CtyNumber.Parse(a).GetHashCode(), CtyNumber.Parse(b).GetHashCode());
    }

    [Fact]
    public void Doubles_convert_exactly()
    {
        Assert.Equal("0.1000000000000000055511151231257827021181583404541015625", CtyNumber.FromDouble(0.1).ToString());
        Assert.True(CtyNumber.FromDouble(0.1).TryGetExactDouble(out _));
        Assert.False(CtyNumber.Parse("0.1").TryGetExactDouble(out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("--1")]
    [InlineData("NaN")]
    public void Text_that_is_not_a_number_is_refused(string text)
    {
        Assert.False(CtyNumber.TryParse(text, out _));
    }

    [Fact]
    public void NaN_is_not_a_cty_number()
    {
        Assert.Throws<CtyFormatException>(() => CtyNumber.FromDouble(double.NaN));
    }
}
