using System.Text;
using Widemesh.Testing.Terraform.Cty;

namespace Widemesh.Provider.Tests.Conformance.Harness;

public sealed class CtyJsonTests
{
    [Fact]
    public void Keeps_numbers_beyond_double_precision_exact()
    {
        var type = CtyType.Object(new Dictionary<string, CtyType> { ["n"] = CtyType.Number });

        var value = CtyJson.Decode("{\"n\": 123456789012345678901234567890.5}"u8, type);

        Assert.Equal("{\"n\":123456789012345678901234567890.5}", Encoding.UTF8.GetString(CtyJson.Encode(value, type)));
    }

    [Fact]
    public void Reads_missing_attributes_as_null_and_refuses_unknown_ones()
    {
        var type = CtyType.Object(new Dictionary<string, CtyType> { ["a"] = CtyType.String, ["b"] = CtyType.Bool });

        var value = CtyJson.Decode("{\"a\":\"x\"}"u8, type);

        Assert.True(value.GetAttribute("b").IsNull);
        Assert.Throws<CtyException>(() => CtyJson.Decode("{\"c\":1}"u8, type));
    }

    [Fact]
    public void Writes_dynamic_values_with_their_type()
    {
        var type = CtyType.Object(new Dictionary<string, CtyType> { ["d"] = CtyType.Dynamic });
        var value = CtyValue.Object(type, new Dictionary<string, CtyValue> { ["d"] = CtyValue.StringList("x") });

        var json = Encoding.UTF8.GetString(CtyJson.Encode(value, type));

        Assert.Equal("{\"d\":{\"value\":[\"x\"],\"type\":[\"list\",\"string\"]}}", json);
        Assert.Equal(value, CtyJson.Decode(Encoding.UTF8.GetBytes(json), type));
    }
}
