using Widemesh.Provider.Cty;

namespace Widemesh.Provider.Tests.Cty;

public sealed class CtyMsgPackTests
{
    private static readonly CtyType ExampleSchema = CtyType.Object(
    [
        KeyValuePair.Create("id", CtyType.String),
        KeyValuePair.Create("name", CtyType.String),
        KeyValuePair.Create("size", CtyType.Number),
    ]);

    [Fact]
    public void Planned_create_encodes_exactly_as_the_protocol_doc_example()
    {
        var value = CtyValue.Object(ExampleSchema,
        [
            KeyValuePair.Create("id", CtyValue.Unknown(CtyType.String)),
            KeyValuePair.Create("name", CtyValue.String("web")),
            KeyValuePair.Create("size", CtyValue.Null(CtyType.Number)),
        ]);

        var bytes = CtyMsgPack.Encode(value, ExampleSchema);

        Assert.Equal(Hex("83 a2 69 64 d4 00 00 a4 6e 61 6d 65 a3 77 65 62 a4 73 69 7a 65 c0"), bytes);
    }

    [Fact]
    public void Dynamic_attribute_holding_a_string_is_a_type_and_value_pair()
    {
        var bytes = CtyMsgPack.Encode(CtyValue.String("x"), CtyType.Dynamic);

        Assert.Equal(Hex("92 c4 08 22 73 74 72 69 6e 67 22 a1 78"), bytes);
        Assert.Equal("x", CtyMsgPack.Decode(bytes, CtyType.Dynamic).AsString());
    }

    [Fact]
    public void Refined_unknown_string_encodes_nullness_and_prefix_as_extension_12()
    {
        var value = CtyValue.Unknown(CtyType.String, new CtyRefinements(NotNull: true, StringPrefix: "ab"));

        var bytes = CtyMsgPack.Encode(value, CtyType.String);

        Assert.Equal(Hex("c7 07 0c 82 01 c2 02 a2 61 62"), bytes);
        var decoded = CtyMsgPack.Decode(bytes, CtyType.String);
        Assert.True(decoded.IsUnknown);
        Assert.Equal(new CtyRefinements(NotNull: true, StringPrefix: "ab"), decoded.Refinements);
    }

    [Fact]
    public void Null_object_is_a_single_nil_byte()
    {
        Assert.Equal(Hex("c0"), CtyMsgPack.Encode(CtyValue.Null(ExampleSchema), ExampleSchema));
        Assert.True(CtyMsgPack.Decode(Hex("c0"), ExampleSchema).IsNull);
    }

    [Theory]
    [InlineData("0.1", "a3 30 2e 31")]
    [InlineData("1.5", "cb 3f f8 00 00 00 00 00 00")]
    [InlineData("300", "cd 01 2c")]
    [InlineData("-1", "ff")]
    [InlineData("0", "00")]
    [InlineData("127", "7f")]
    [InlineData("128", "cc 80")]
    [InlineData("-33", "d0 df")]
    [InlineData("-40000", "d2 ff ff 63 c0")]
    [InlineData("18446744073709551615", "cf ff ff ff ff ff ff ff ff")]
    [InlineData("123456789012345678901234567890", "be 31 32 33 34 35 36 37 38 39 30 31 32 33 34 35 36 37 38 39 30 31 32 33 34 35 36 37 38 39 30")]
    public void Numbers_use_the_form_go_cty_writes(string number, string hex)
    {
        var bytes = CtyMsgPack.Encode(CtyValue.Number(CtyNumber.Parse(number)), CtyType.Number);

        Assert.Equal(Hex(hex), bytes);
        Assert.Equal(CtyNumber.Parse(number), CtyMsgPack.Decode(bytes, CtyType.Number).AsNumber());
    }

    [Theory]
    [InlineData("cc 05")]
    [InlineData("cd 00 05")]
    [InlineData("ce 00 00 00 05")]
    [InlineData("cf 00 00 00 00 00 00 00 05")]
    [InlineData("d3 00 00 00 00 00 00 00 05")]
    [InlineData("cb 40 14 00 00 00 00 00 00")]
    [InlineData("ca 40 a0 00 00")]
    [InlineData("a1 35")]
    [InlineData("c4 01 35")]
    public void Every_number_form_Terraform_may_send_decodes_to_the_same_value(string hex)
    {
        var value = CtyMsgPack.Decode(Hex(hex), CtyType.Number);

        Assert.Equal(CtyNumber.FromInt64(5), value.AsNumber());
    }

    [Fact]
    public void Infinity_round_trips_as_float64()
    {
        var bytes = CtyMsgPack.Encode(CtyValue.Number(CtyNumber.PositiveInfinity), CtyType.Number);

        Assert.Equal(Hex("cb 7f f0 00 00 00 00 00 00"), bytes);
        Assert.Equal(CtyNumber.PositiveInfinity, CtyMsgPack.Decode(bytes, CtyType.Number).AsNumber());
    }

    [Fact]
    public void Every_type_round_trips()
    {
        var type = CtyType.Object(
        [
            KeyValuePair.Create("s", CtyType.String),
            KeyValuePair.Create("b", CtyType.Bool),
            KeyValuePair.Create("l", CtyType.List(CtyType.String)),
            KeyValuePair.Create("set", CtyType.Set(CtyType.Number)),
            KeyValuePair.Create("m", CtyType.Map(CtyType.Bool)),
            KeyValuePair.Create("t", CtyType.Tuple([CtyType.String, CtyType.Number])),
            KeyValuePair.Create("d", CtyType.Dynamic),
            KeyValuePair.Create("o", CtyType.Object([KeyValuePair.Create("x", CtyType.Number)])),
        ]);
        var value = CtyValue.Object(type,
        [
            KeyValuePair.Create("s", CtyValue.String("héllo")),
            KeyValuePair.Create("b", CtyValue.Bool(true)),
            KeyValuePair.Create("l", CtyValue.List(CtyType.String, [CtyValue.String("a"), CtyValue.Unknown(CtyType.String)])),
            KeyValuePair.Create("set", CtyValue.Set(CtyType.Number, [CtyValue.Number(2), CtyValue.Number(1)])),
            KeyValuePair.Create("m", CtyValue.Map(CtyType.Bool, [KeyValuePair.Create("k", CtyValue.Bool(false))])),
            KeyValuePair.Create("t", CtyValue.Tuple([CtyValue.String("x"), CtyValue.Number(CtyNumber.Parse("0.1"))])),
            KeyValuePair.Create("d", CtyValue.List(CtyType.Number, [CtyValue.Number(7)])),
            KeyValuePair.Create("o", CtyValue.Object(type.AttributeTypes["o"], [KeyValuePair.Create("x", CtyValue.Null(CtyType.Number))])),
        ]);

        var decoded = CtyMsgPack.Decode(CtyMsgPack.Encode(value, type), type);

        Assert.True(decoded.ValueEquals(value), decoded.ToString());
        Assert.Equal(CtyType.List(CtyType.Number), decoded["d"].Type);
    }

    [Fact]
    public void Sets_compare_without_order()
    {
        var a = CtyValue.Set(CtyType.String, [CtyValue.String("a"), CtyValue.String("b")]);
        var b = CtyValue.Set(CtyType.String, [CtyValue.String("b"), CtyValue.String("a"), CtyValue.String("a")]);

        Assert.True(a.ValueEquals(b));
        Assert.Equal(2, b.Elements.Count);
    }

    [Fact]
    public void Unknown_of_dynamic_type_is_the_plain_extension()
    {
        Assert.Equal(Hex("d4 00 00"), CtyMsgPack.Encode(CtyValue.Unknown(CtyType.Dynamic), CtyType.Dynamic));
        Assert.Equal(Hex("92 c4 08 22 73 74 72 69 6e 67 22 d4 00 00"), CtyMsgPack.Encode(CtyValue.Unknown(CtyType.String), CtyType.Dynamic));
    }

    [Theory]
    [InlineData("d4 05 00")]
    [InlineData("c7 00 03")]
    [InlineData("d4 7f 01")]
    public void Any_extension_of_at_most_one_byte_is_an_unknown(string hex)
    {
        Assert.True(CtyMsgPack.Decode(Hex(hex), CtyType.String).IsUnknown);
    }

    [Fact]
    public void Refinement_keys_it_does_not_know_are_ignored()
    {
        // {1: false, 5: 1, 99: "x"} on a list.
        var value = CtyMsgPack.Decode(Hex("c7 08 0c 83 01 c2 05 01 63 a1 78"), CtyType.List(CtyType.String));

        Assert.True(value.IsUnknown);
        Assert.Equal(new CtyRefinements(NotNull: true, LengthLowerBound: 1), value.Refinements);
    }

    [Fact]
    public void Number_bound_refinements_round_trip()
    {
        var refinements = new CtyRefinements(NumberLowerBound: new CtyNumberBound(CtyNumber.FromInt64(1), true), NumberUpperBound: new CtyNumberBound(CtyNumber.Parse("9.5"), false));

        var decoded = CtyMsgPack.Decode(CtyMsgPack.Encode(CtyValue.Unknown(CtyType.Number, refinements), CtyType.Number), CtyType.Number);

        Assert.Equal(refinements, decoded.Refinements);
    }

    [Fact]
    public void A_long_extension_that_is_not_type_12_is_refused()
    {
        var ex = Assert.Throws<CtyFormatException>(() => CtyMsgPack.Decode(Hex("d5 05 00 00"), CtyType.String));

        Assert.Contains("extension", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_object_with_a_missing_attribute_is_refused_with_the_counts()
    {
        var ex = Assert.Throws<CtyFormatException>(() => CtyMsgPack.Decode(Hex("81 a4 6e 61 6d 65 a3 77 65 62"), ExampleSchema));

        Assert.Contains("3 attributes is required (1 given)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_attribute_is_refused_with_its_name()
    {
        var bytes = Hex("83 a2 69 64 c0 a4 6e 61 6d 65 c0 a4 73 69 7a 66 c0");

        var ex = Assert.Throws<CtyFormatException>(() => CtyMsgPack.Decode(bytes, ExampleSchema));

        Assert.Contains("\"sizf\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_type_names_the_attribute_path()
    {
        var bytes = Hex("83 a2 69 64 c0 a4 6e 61 6d 65 c3 a4 73 69 7a 65 c0");

        var ex = Assert.Throws<CtyFormatException>(() => CtyMsgPack.Decode(bytes, ExampleSchema));

        Assert.Equal("name", ex.Path.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("83 a2 69")]
    [InlineData("dc ff ff")]
    [InlineData("c1")]
    public void Truncated_or_garbage_input_is_a_format_error_not_a_crash(string hex)
    {
        Assert.Throws<CtyFormatException>(() => CtyMsgPack.Decode(Hex(hex), ExampleSchema));
    }

    [Fact]
    public void Long_strings_and_collections_use_the_wider_headers()
    {
        var text = new string('x', 300);
        var list = CtyValue.List(CtyType.String, Enumerable.Range(0, 20).Select(i => CtyValue.String(text)));

        var bytes = CtyMsgPack.Encode(list, CtyType.List(CtyType.String));

        Assert.Equal(0xdc, bytes[0]);
        Assert.Equal(0xda, bytes[3]);
        Assert.True(CtyMsgPack.Decode(bytes, CtyType.List(CtyType.String)).ValueEquals(list));
    }

    private static byte[] Hex(string hex) => hex.Length == 0 ? [] : Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));
}
