namespace Widemesh.Testing.Terraform.Schema;

/// <summary>Nesting modes of nested blocks and nested attribute objects (same numbers as the protocol).</summary>
public enum SchemaNesting
{
    Invalid = 0,
    Single = 1,
    List = 2,
    Set = 3,
    Map = 4,
    Group = 5,
}
