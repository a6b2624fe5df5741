using Widemesh.Testing.Terraform.Cty;
using Widemesh.Testing.Terraform.Schema;

namespace Widemesh.Provider.Tests.Conformance.Harness;

public sealed class SchemaValidatorTests
{
    public static TheoryData<string, SchemaBlock, string> BrokenSchemas => new()
    {
        { "no flags", Block(new SchemaAttribute("a", CtyType.String)), "must set Optional, Required or Computed" },
        { "optional and required", Block(new SchemaAttribute("a", CtyType.String, Required: true, Optional: true)), "cannot set both Optional and Required" },
        { "computed and required", Block(new SchemaAttribute("a", CtyType.String, Required: true, Computed: true)), "cannot set both Computed and Required" },
        { "no type", Block(new SchemaAttribute("a", null, Optional: true)), "exactly one of Type and NestedType" },
        { "deprecation message alone", Block(new SchemaAttribute("a", CtyType.String, Optional: true, DeprecationMessage: "old")), "DeprecationMessage set but Deprecated is false" },
        { "bad block name", Nested(new SchemaNestedBlock("Bad-Name", SchemaBlock.Empty, SchemaNesting.List)), "lowercase letters, digits and underscores" },
        { "block named like an attribute", new SchemaBlock([new SchemaAttribute("x", CtyType.String, Optional: true)], [new SchemaNestedBlock("x", SchemaBlock.Empty, SchemaNesting.List)]), "both an attribute and a nested block" },
        { "single with max 2", Nested(new SchemaNestedBlock("b", SchemaBlock.Empty, SchemaNesting.Single, 2, 2)), "NestingSingle" },
        { "group with items", Nested(new SchemaNestedBlock("b", SchemaBlock.Empty, SchemaNesting.Group, 1, 1)), "NestingGroup" },
        { "list min above max", Nested(new SchemaNestedBlock("b", SchemaBlock.Empty, SchemaNesting.List, 3, 2)), "MinItems must be less than or equal to MaxItems" },
        { "map with items", Nested(new SchemaNestedBlock("b", SchemaBlock.Empty, SchemaNesting.Map, 1, 0)), "NestingMap" },
        { "set with dynamic", Nested(new SchemaNestedBlock("b", Block(new SchemaAttribute("d", CtyType.Dynamic, Optional: true)), SchemaNesting.Set)), "NestingSet blocks may not contain" },
        { "computed block with min items", Nested(new SchemaNestedBlock("b", SchemaBlock.Empty with { Computed = true }, SchemaNesting.List, 1, 0)), "computed blocks cannot have MinItems" },
        { "optional inside computed block", Nested(new SchemaNestedBlock("b", Block(new SchemaAttribute("o", CtyType.String, Optional: true)) with { Computed = true }, SchemaNesting.List)), "inside a computed block must be computed" },
        { "negative version", SchemaBlock.Empty, "negative" },
    };

    [Theory]
    [MemberData(nameof(BrokenSchemas))]
    public void Finds_every_rule_terraform_enforces(string name, SchemaBlock block, string expected)
    {
        var version = name == "negative version" ? -1 : 0;

        var errors = SchemaValidator.InternalValidate(new ResourceSchema(version, block));

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Accepts_a_valid_resource_schema()
    {
        Assert.Empty(SchemaValidator.InternalValidate(HarnessSome.EnvironmentSchema()));
    }

    private static SchemaBlock Block(params SchemaAttribute[] attributes) => new(attributes, []);

    private static SchemaBlock Nested(SchemaNestedBlock block) => new([], [block]);
}
