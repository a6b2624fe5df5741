using Widemesh.Provider.Cty;

namespace Widemesh.Provider.Schema;

/// <summary>One attribute of a schema block. Exactly the flags Terraform knows (protocol doc §2.3).</summary>
internal sealed record SchemaAttribute(
    string Name,
    CtyType Type,
    string Description,
    bool Required = false,
    bool Optional = false,
    bool Computed = false,
    bool Sensitive = false)
{
    public static SchemaAttribute RequiredString(string name, string description) =>
        new(name, CtyType.String, description, Required: true);

    public static SchemaAttribute OptionalString(string name, string description) =>
        new(name, CtyType.String, description, Optional: true);

    public static SchemaAttribute ComputedString(string name, string description) =>
        new(name, CtyType.String, description, Computed: true);
}
