using Widemesh.Testing.Terraform.Conformance;
using Widemesh.Testing.Terraform.Cty;
using Widemesh.Testing.Terraform.Schema;

namespace Widemesh.Provider.Tests.Conformance.Harness;

/// <summary>Throwaway schemas and values for the harness's own tests, shaped like widemesh_environment.</summary>
internal static class HarnessSome
{
    public static ResourceSchema EnvironmentSchema() => new(0, new SchemaBlock(
        [
            new SchemaAttribute("id", CtyType.String, Computed: true),
            new SchemaAttribute("name", CtyType.String, Required: true),
            new SchemaAttribute("racks", CtyType.List(CtyType.String), Required: true),
            new SchemaAttribute("primary_rack", CtyType.String, Computed: true),
            new SchemaAttribute("region", CtyType.String, Optional: true, Computed: true),
            new SchemaAttribute("note", CtyType.String, Optional: true),
            new SchemaAttribute("token", CtyType.String, Optional: true, Sensitive: true),
        ],
        []));

    public static CtyType EnvironmentType() => EnvironmentSchema().Block.ImpliedType();

    public static CtyValue Environment(
        string? id = "env_0123456789abcdef",
        string name = "web",
        string[]? racks = null,
        string? primary = "b",
        string? region = "eu",
        string? note = null)
    {
        var type = EnvironmentType();
        return CtyValue.Object(type, new Dictionary<string, CtyValue>
        {
            ["id"] = id is null ? CtyValue.Null(CtyType.String) : CtyValue.String(id),
            ["name"] = CtyValue.String(name),
            ["racks"] = CtyValue.StringList(racks ?? ["a", "b"]),
            ["primary_rack"] = primary is null ? CtyValue.Null(CtyType.String) : CtyValue.String(primary),
            ["region"] = region is null ? CtyValue.Null(CtyType.String) : CtyValue.String(region),
            ["note"] = note is null ? CtyValue.Null(CtyType.String) : CtyValue.String(note),
        });
    }

    /// <summary>The config for an environment: computed attributes null.</summary>
    public static CtyValue Config(string name = "web", string[]? racks = null, string? region = null, string? note = null) =>
        Environment(id: null, name: name, racks: racks, primary: null, region: region, note: note);

    public static CtyValue Unknown(CtyType? type = null) => CtyValue.Unknown(type ?? CtyType.String);

    public static ConformanceException Violation(Action check) => Assert.Throws<ConformanceException>(check);
}
