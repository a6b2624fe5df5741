namespace Widemesh.Testing.Terraform.Cty;

/// <summary>The kinds of go-cty types (protocol doc §3.1).</summary>
public enum CtyTypeKind
{
    String,
    Number,
    Bool,
    Dynamic,
    List,
    Set,
    Map,
    Object,
    Tuple,
}
