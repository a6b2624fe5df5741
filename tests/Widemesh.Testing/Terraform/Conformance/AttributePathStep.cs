namespace Widemesh.Testing.Terraform.Conformance;

/// <summary>One step of an attribute path: an attribute name, a map key or a list index (protocol doc §2.3).</summary>
public sealed record AttributePathStep(string? AttributeName = null, string? ElementKey = null, long? ElementIndex = null)
{
    public override string ToString() =>
        AttributeName is not null ? "." + AttributeName : ElementKey is not null ? $"[\"{ElementKey}\"]" : $"[{ElementIndex}]";
}
