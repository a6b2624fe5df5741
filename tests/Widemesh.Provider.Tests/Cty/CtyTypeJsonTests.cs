using Widemesh.Provider.Cty;

namespace Widemesh.Provider.Tests.Cty;

public sealed class CtyTypeJsonTests
{
    [Theory]
    [InlineData("\"string\"")]
    [InlineData("\"dynamic\"")]
    [InlineData("[\"list\",\"string\"]")]
    [InlineData("[\"map\",[\"object\",{\"port\":\"number\",\"tls\":\"bool\"}]]")]
    [InlineData("[\"tuple\",[\"string\",[\"set\",\"number\"]]]")]
    public void Type_JSON_round_trips(string json)
    {
        Assert.Equal(json, CtyTypeJson.Serialize(CtyTypeJson.Parse(json)));
    }

    [Theory]
    [InlineData("\"strin\"")]
    [InlineData("[\"list\"]")]
    [InlineData("{}")]
    [InlineData("not json")]
    public void Invalid_type_JSON_is_a_format_error(string json)
    {
        Assert.Throws<CtyFormatException>(() => CtyTypeJson.Parse(json));
    }
}
