namespace Widemesh.Provider.Cty;

/// <summary>The kinds of cty type Terraform puts on the wire (protocol doc §3.1).</summary>
internal enum CtyTypeKind
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
