using Widemesh.Testing.Terraform.Cty;

namespace Widemesh.Testing.Terraform.Schema;

/// <summary>A nested block type of a schema block.</summary>
public sealed record SchemaNestedBlock(string TypeName, SchemaBlock Block, SchemaNesting Nesting, long MinItems = 0, long MaxItems = 0)
{
    /// <summary>The implied type (protocol doc §3.2): LIST with dynamic is a tuple and MAP with dynamic an object.</summary>
    public CtyType ImpliedType()
    {
        var element = Block.ImpliedType();
        return Nesting switch
        {
            SchemaNesting.List => element.HasDynamic() ? CtyType.Tuple([]) : CtyType.List(element),
            SchemaNesting.Set => CtyType.Set(element),
            SchemaNesting.Map => element.HasDynamic() ? CtyType.Object([]) : CtyType.Map(element),
            _ => element,
        };
    }
}
