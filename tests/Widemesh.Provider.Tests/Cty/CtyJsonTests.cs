using System.Text;
using Widemesh.Provider.Cty;

namespace Widemesh.Provider.Tests.Cty;

public sealed class CtyJsonTests
{
    private static readonly CtyType StateType = CtyType.Object(
    [
        KeyValuePair.Create("name", CtyType.String),
        KeyValuePair.Create("racks", CtyType.List(CtyType.String)),
        KeyValuePair.Create("size", CtyType.Number),
    ]);

    [Fact]
    public void Missing_attributes_read_as_null()
    {
        var value = CtyJson.Decode(Utf8("""{"name":"web"}"""), StateType);

        Assert.Equal("web", value["name"].AsString());
        Assert.True(value["racks"].IsNull);
        Assert.True(value["size"].IsNull);
    }

    [Fact]
    public void Unknown_attributes_are_refused_unless_told_to_drop_them()
    {
        var json = Utf8("""{"name":"web","gone":1}""");

        Assert.Throws<CtyFormatException>(() => CtyJson.Decode(json, StateType));
        Assert.Equal("web", CtyJson.Decode(json, StateType, ignoreUnknownAttributes: true)["name"].AsString());
    }

    [Fact]
    public void Numbers_keep_arbitrary_precision_in_both_directions()
    {
        var json = Utf8("""{"name":null,"racks":[],"size":123456789012345678901234567890.000000000000000000001}""");

        var value = CtyJson.Decode(json, StateType);

        Assert.Equal("123456789012345678901234567890.000000000000000000001", value["size"].AsNumber().ToString());
        Assert.Equal("""{"name":null,"racks":[],"size":123456789012345678901234567890.000000000000000000001}""", Encoding.UTF8.GetString(CtyJson.Encode(value, StateType)));
    }

    [Fact]
    public void Numbers_may_arrive_as_strings()
    {
        Assert.Equal(CtyNumber.Parse("0.1"), CtyJson.Decode(Utf8("""{"size":"0.1"}"""), StateType)["size"].AsNumber());
    }

    [Fact]
    public void Dynamic_values_carry_their_type()
    {
        var type = CtyType.Object([KeyValuePair.Create("d", CtyType.Dynamic)]);
        var json = """{"d":{"value":["a","b"],"type":["list","string"]}}""";

        var value = CtyJson.Decode(Utf8(json), type);

        Assert.Equal(CtyType.List(CtyType.String), value["d"].Type);
        Assert.Equal(json, Encoding.UTF8.GetString(CtyJson.Encode(value, type)));
    }

    [Fact]
    public void Unknown_values_cannot_be_written()
    {
        var value = CtyValue.Object(StateType, [KeyValuePair.Create("name", CtyValue.Unknown(CtyType.String))]);

        Assert.Throws<CtyFormatException>(() => CtyJson.Encode(value, StateType));
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
