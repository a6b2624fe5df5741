using Widemesh.Testing.Terraform.Conformance;
using Widemesh.Testing.Terraform.Cty;
using Widemesh.Testing.Terraform.Schema;

namespace Widemesh.Provider.Tests.Conformance.Harness;

/// <summary>The plan, compatibility and proposal rules for nested blocks and nested attributes (later resources need them).</summary>
public sealed class NestedSchemaChecksTests
{
    private static readonly SchemaBlock Port = new(
        [
            new SchemaAttribute("number", CtyType.Number, Required: true),
            new SchemaAttribute("url", CtyType.String, Computed: true),
        ],
        []);

    private static readonly SchemaBlock Service = new(
        [
            new SchemaAttribute("name", CtyType.String, Required: true),
            new SchemaAttribute("env", null, Optional: true, NestedType: new SchemaObject(
                [
                    new SchemaAttribute("key", CtyType.String, Required: true),
                    new SchemaAttribute("secret", CtyType.Bool, Optional: true, Computed: true),
                ],
                SchemaNesting.List)),
        ],
        [
            new SchemaNestedBlock("port", Port, SchemaNesting.List),
            new SchemaNestedBlock("tag", new SchemaBlock([new SchemaAttribute("value", CtyType.String, Required: true), new SchemaAttribute("id", CtyType.String, Computed: true)], []), SchemaNesting.Set),
        ]);

    private static CtyType Type => Service.ImpliedType();

    [Fact]
    public void A_null_list_block_in_a_plan_is_invalid()
    {
        var planned = Value(nullPorts: true);

        var errors = PlanValidity.AssertPlanValid(Service, CtyValue.Null(Type), Value(), planned);

        Assert.Contains(errors, e => e.Contains("must be empty to indicate no blocks, not null", StringComparison.Ordinal));
    }

    [Fact]
    public void A_plan_that_drops_a_configured_block_is_invalid()
    {
        var errors = PlanValidity.AssertPlanValid(Service, CtyValue.Null(Type), Value(ports: [Ports(80, null), Ports(443, null)]), Value(ports: [Ports(80, null)]));

        Assert.Contains(errors, e => e.Contains("block count in plan (1) disagrees with count in config (2)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_plan_may_fill_computed_attributes_inside_blocks_but_not_change_configured_ones()
    {
        var config = Value(ports: [Ports(80, null)]);

        var filled = PlanValidity.AssertPlanValid(Service, CtyValue.Null(Type), config, Value(ports: [Ports(80, CtyValue.Unknown(CtyType.String))]));
        var changed = PlanValidity.AssertPlanValid(Service, CtyValue.Null(Type), config, Value(ports: [Ports(8080, CtyValue.Unknown(CtyType.String))]));

        Assert.Empty(filled);
        Assert.Contains(changed, e => e.Contains(".port[0].number", StringComparison.Ordinal));
    }

    [Fact]
    public void Nested_attribute_lists_keep_their_length_and_configured_values()
    {
        var config = Value(env: [Env("A", null)]);

        var computedFilled = PlanValidity.AssertPlanValid(Service, CtyValue.Null(Type), config, Value(env: [Env("A", CtyValue.Bool(false))]));
        var keyChanged = PlanValidity.AssertPlanValid(Service, CtyValue.Null(Type), config, Value(env: [Env("B", null)]));
        var grown = PlanValidity.AssertPlanValid(Service, CtyValue.Null(Type), config, Value(env: [Env("A", null), Env("C", null)]));

        Assert.Empty(computedFilled);
        Assert.Contains(keyChanged, e => e.Contains(".env[0].key", StringComparison.Ordinal));
        Assert.Contains(grown, e => e.Contains("count in plan (2) disagrees with count in config (1)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_proposal_takes_computed_block_attributes_from_the_prior_element_at_the_same_index()
    {
        var prior = Value(ports: [Ports(80, CtyValue.String("http://x:80")), Ports(443, CtyValue.String("https://x"))]);
        var config = Value(ports: [Ports(80, null)]);

        var proposed = ProposedNewState.Build(Service, prior, config);

        var port = Assert.Single(proposed.GetAttribute("port").Elements);
        Assert.Equal(CtyValue.String("http://x:80"), port.GetAttribute("url"));
    }

    [Fact]
    public void The_proposal_correlates_set_blocks_by_their_non_computed_attributes()
    {
        var prior = Value(tags: [Tag("b", "t2"), Tag("a", "t1")]);
        var config = Value(tags: [Tag("a", CtyValue.Null(CtyType.String)), Tag("c", CtyValue.Null(CtyType.String))]);

        var proposed = ProposedNewState.Build(Service, prior, config);

        var tags = proposed.GetAttribute("tag").Elements;
        Assert.Contains(tags, t => t.GetAttribute("value").StringValue == "a" && t.GetAttribute("id").StringValue == "t1");
        Assert.Contains(tags, t => t.GetAttribute("value").StringValue == "c" && t.GetAttribute("id").IsNull);
    }

    [Fact]
    public void A_list_block_that_loses_an_element_after_apply_is_inconsistent()
    {
        var planned = Value(ports: [Ports(80, CtyValue.Unknown(CtyType.String)), Ports(443, CtyValue.Unknown(CtyType.String))]);
        var actual = Value(ports: [Ports(80, CtyValue.String("u"))]);

        var errors = ObjectCompatibility.AssertObjectCompatible(Service, planned, actual);

        Assert.Contains(errors, e => e.Contains(".port: element 1 has vanished", StringComparison.Ordinal));
    }

    [Fact]
    public void Set_elements_with_unknowns_correlate_with_their_final_values()
    {
        var planned = Value(tags: [Tag("a", CtyValue.Unknown(CtyType.String)), Tag("b", CtyValue.Unknown(CtyType.String))]);
        var good = Value(tags: [Tag("b", "2"), Tag("a", "1")]);
        var bad = Value(tags: [Tag("a", "1"), Tag("z", "2")]);

        Assert.Empty(ObjectCompatibility.AssertObjectCompatible(Service, planned, good));
        Assert.NotEmpty(ObjectCompatibility.AssertObjectCompatible(Service, planned, bad));
    }

    private static CtyValue Value(CtyValue[]? ports = null, CtyValue[]? tags = null, CtyValue[]? env = null, bool nullPorts = false)
    {
        var portType = Type.Attributes["port"];
        var tagType = Type.Attributes["tag"];
        var envType = Type.Attributes["env"];
        return CtyValue.Object(Type, new Dictionary<string, CtyValue>
        {
            ["name"] = CtyValue.String("api"),
            ["port"] = nullPorts ? CtyValue.Null(portType) : CtyValue.List(portType.Element!, ports ?? []),
            ["tag"] = CtyValue.Set(tagType.Element!, tags ?? []),
            ["env"] = env is null ? CtyValue.Null(envType) : CtyValue.List(envType.Element!, env),
        });
    }

    private static CtyValue Ports(long number, CtyValue? url) =>
        CtyValue.Object(Port.ImpliedType(), new Dictionary<string, CtyValue> { ["number"] = CtyValue.Number(number), ["url"] = url ?? CtyValue.Null(CtyType.String) });

    private static CtyValue Tag(string value, string? id) => Tag(value, id is null ? CtyValue.Null(CtyType.String) : CtyValue.String(id));

    private static CtyValue Tag(string value, CtyValue id) =>
        CtyValue.Object(Type.Attributes["tag"].Element!, new Dictionary<string, CtyValue> { ["value"] = CtyValue.String(value), ["id"] = id });

    private static CtyValue Env(string key, CtyValue? secret) =>
        CtyValue.Object(Type.Attributes["env"].Element!, new Dictionary<string, CtyValue> { ["key"] = CtyValue.String(key), ["secret"] = secret ?? CtyValue.Null(CtyType.Bool) });
}
