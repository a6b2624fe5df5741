using Widemesh.Testing.Terraform.Conformance;
using Widemesh.Testing.Terraform.Cty;
using static Widemesh.Provider.Tests.Conformance.Harness.HarnessSome;

namespace Widemesh.Provider.Tests.Conformance.Harness;

public sealed class ProposedNewStateTests
{
    [Fact]
    public void Computed_attributes_with_null_config_keep_their_prior_value()
    {
        var proposed = ProposedNewState.Build(EnvironmentSchema().Block, Environment(), Config(racks: ["b", "a"]));

        Assert.Equal(CtyValue.String("env_0123456789abcdef"), proposed.GetAttribute("id"));
        Assert.Equal(CtyValue.String("eu"), proposed.GetAttribute("region"));
        Assert.Equal(CtyValue.StringList("b", "a"), proposed.GetAttribute("racks"));
    }

    [Fact]
    public void Non_computed_attributes_always_take_the_config_value_even_null()
    {
        var proposed = ProposedNewState.Build(EnvironmentSchema().Block, Environment(note: "old"), Config());

        Assert.True(proposed.GetAttribute("note").IsNull);
    }

    [Fact]
    public void On_create_computed_attributes_are_null_and_on_destroy_the_proposal_is_null()
    {
        var create = ProposedNewState.Build(EnvironmentSchema().Block, CtyValue.Null(EnvironmentType()), Config());
        var destroy = ProposedNewState.Build(EnvironmentSchema().Block, Environment(), CtyValue.Null(EnvironmentType()));

        Assert.True(create.GetAttribute("id").IsNull);
        Assert.True(destroy.IsNull);
    }
}
