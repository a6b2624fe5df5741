using Widemesh.Testing.Terraform.Cty;

namespace Widemesh.Provider.Tests.Conformance.Harness;

public sealed class CtyMsgpackTests
{
    private static readonly CtyType ExampleType = CtyType.Object(new Dictionary<string, CtyType>
    {
        ["id"] = CtyType.String,
        ["name"] = CtyType.String,
        ["size"] = CtyType.Number,
    });

    [Fact]
    public void Encodes_the_planned_create_example_of_the_protocol_doc_byte_for_byte()
    {
        var value = CtyValue.Object(ExampleType, new Dictionary<string, CtyValue> { ["id"] = CtyValue.Unknown(CtyType.String), ["name"] = CtyValue.String("web") });

        var bytes = CtyMsgpack.Encode(value, ExampleType);

        Assert.Equal(Hex("83 a2 69 64 d4 00 00 a4 6e 61 6d 65 a3 77 65 62 a4 73 69 7a 65 c0"), bytes);
    }

    [Fact]
    public void Round_trips_a_dynamic_slot_as_type_json_and_value()
    {
        var bytes = Hex("92 c4 08 22 73 74 72 69 6e 67 22 a1 78");

        var value = CtyMsgpack.Decode(bytes, CtyType.Dynamic);

        Assert.Equal(CtyValue.String("x"), value);
        Assert.Equal(bytes, CtyMsgpack.Encode(value, CtyType.Dynamic));
    }

    [Fact]
    public void Round_trips_a_refined_unknown_string()
    {
        var bytes = Hex("c7 07 0c 82 01 c2 02 a2 61 62");

        var value = CtyMsgpack.Decode(bytes, CtyType.String);

        Assert.True(value.IsUnknown);
        Assert.Equal(new CtyRefinement(DefinitelyNotNull: true, StringPrefix: "ab"), value.Refinement);
        Assert.Equal(bytes, CtyMsgpack.Encode(value, CtyType.String));
    }

    [Theory]
    [InlineData("a3 30 2e 31", "0.1")]
    [InlineData("cb 3f f8 00 00 00 00 00 00", "1.5")]
    [InlineData("cd 01 2c", "300")]
    [InlineData("ff", "-1")]
    [InlineData("cf ff ff ff ff ff ff ff ff", "18446744073709551615")]
    [InlineData("ca 3f c0 00 00", "1.5")]
    public void Decodes_every_number_form_terraform_sends(string hex, string expected)
    {
        var value = CtyMsgpack.Decode(Hex(hex), CtyType.Number);

        Assert.Equal(CtyNumber.Parse(expected), value.NumberValue);
    }

    [Theory]
    [InlineData("300", "cd 01 2c")]
    [InlineData("-1", "ff")]
    [InlineData("1.5", "cb 3f f8 00 00 00 00 00 00")]
    [InlineData("0.1", "a3 30 2e 31")]
    public void Encodes_numbers_like_go_cty(string number, string hex)
    {
        var bytes = CtyMsgpack.Encode(CtyValue.Number(CtyNumber.Parse(number)), CtyType.Number);

        Assert.Equal(Hex(hex), bytes);
    }

    [Fact]
    public void Refuses_an_object_with_a_missing_attribute()
    {
        var bytes = Hex("82 a2 69 64 c0 a4 6e 61 6d 65 c0");

        var error = Assert.Throws<CtyException>(() => CtyMsgpack.Decode(bytes, ExampleType));

        Assert.Contains("an object with 3 attributes is required (2 given)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_object_with_an_unknown_attribute()
    {
        var bytes = Hex("84 a2 69 64 c0 a4 6e 61 6d 65 c0 a4 73 69 7a 65 c0 a3 78 79 7a c0");

        var error = Assert.Throws<CtyException>(() => CtyMsgpack.Decode(bytes, ExampleType));

        Assert.Contains("unsupported attribute \"xyz\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_value_of_the_wrong_type()
    {
        var error = Assert.Throws<CtyException>(() => CtyMsgpack.Decode(Hex("c3"), CtyType.String));

        Assert.Contains("string required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Treats_any_extension_with_a_short_payload_as_unknown()
    {
        var value = CtyMsgpack.Decode(Hex("d4 05 00"), CtyType.Number);

        Assert.True(value.IsUnknown);
    }

    [Fact]
    public void Refuses_a_long_extension_that_is_not_a_refinement()
    {
        var error = Assert.Throws<CtyException>(() => CtyMsgpack.Decode(Hex("d5 05 00 00"), CtyType.String));

        Assert.Contains("unsupported extension type 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Strict_decoding_refuses_an_empty_refinement_map()
    {
        var error = Assert.Throws<CtyException>(() => CtyMsgpack.Decode(Hex("d4 0c 80"), CtyType.String, strict: true));

        Assert.Contains("empty refinement map", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ignores_unknown_refinement_keys()
    {
        var value = CtyMsgpack.Decode(Hex("c7 05 0c 82 01 c2 63 c3"), CtyType.String);

        Assert.Equal(new CtyRefinement(DefinitelyNotNull: true), value.Refinement);
    }

    [Fact]
    public void Refuses_trailing_bytes()
    {
        Assert.Throws<CtyException>(() => CtyMsgpack.Decode(Hex("c0 c0"), CtyType.String));
    }

    [Fact]
    public void Decodes_empty_bytes_as_a_null_object_like_terraform()
    {
        var value = CtyMsgpack.Decode(ReadOnlyMemory<byte>.Empty, ExampleType);

        Assert.True(value.IsNull);
    }

    [Fact]
    public void Compares_sets_without_order_and_collapses_duplicates()
    {
        var left = CtyValue.Set(CtyType.String, [CtyValue.String("a"), CtyValue.String("b"), CtyValue.String("a")]);
        var right = CtyValue.Set(CtyType.String, [CtyValue.String("b"), CtyValue.String("a")]);

        Assert.Equal(left, right);
    }

    private static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));
}
