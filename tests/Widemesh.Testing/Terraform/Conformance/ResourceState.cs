using Widemesh.Testing.Terraform.Cty;

namespace Widemesh.Testing.Terraform.Conformance;

/// <summary>A managed resource instance as Terraform keeps it in state: value, private bytes and schema version.</summary>
public sealed record ResourceState(CtyValue Value, byte[] Private, long SchemaVersion)
{
    public CtyValue this[string attribute] => Value.GetAttribute(attribute);
}
