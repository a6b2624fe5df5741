using Widemesh.Testing.Terraform.Cty;

namespace Widemesh.Testing.Terraform.Schema;

/// <summary>One attribute of a schema block: exactly one of <see cref="Type"/> and <see cref="NestedType"/> is set.</summary>
public sealed record SchemaAttribute(
    string Name,
    CtyType? Type,
    bool Required = false,
    bool Optional = false,
    bool Computed = false,
    bool Sensitive = false,
    bool WriteOnly = false,
    bool Deprecated = false,
    string DeprecationMessage = "",
    SchemaObject? NestedType = null)
{
    public CtyType ImpliedType() => NestedType?.ImpliedType() ?? Type ?? CtyType.Dynamic;
}
