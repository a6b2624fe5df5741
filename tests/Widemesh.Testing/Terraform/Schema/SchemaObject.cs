using Widemesh.Testing.Terraform.Cty;

namespace Widemesh.Testing.Terraform.Schema;

/// <summary>The object of a nested attribute (<c>Attribute.nested_type</c>).</summary>
public sealed record SchemaObject(IReadOnlyList<SchemaAttribute> Attributes, SchemaNesting Nesting)
{
    public CtyType ObjectType() => CtyType.Object(Attributes.Select(a => KeyValuePair.Create(a.Name, a.ImpliedType())));

    public CtyType ImpliedType() => Nesting switch
    {
        SchemaNesting.List => CtyType.List(ObjectType()),
        SchemaNesting.Set => CtyType.Set(ObjectType()),
        SchemaNesting.Map => CtyType.Map(ObjectType()),
        _ => ObjectType(),
    };
}
