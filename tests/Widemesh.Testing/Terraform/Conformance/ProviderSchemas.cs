using Widemesh.Testing.Terraform.Schema;

namespace Widemesh.Testing.Terraform.Conformance;

/// <summary>What GetProviderSchema answered, converted and checked.</summary>
public sealed record ProviderSchemas(
    ResourceSchema Provider,
    IReadOnlyDictionary<string, ResourceSchema> Resources,
    IReadOnlyDictionary<string, ResourceSchema> DataSources,
    bool PlanDestroy,
    bool GetProviderSchemaOptional)
{
    public ResourceSchema Resource(string typeName) =>
        Resources.TryGetValue(typeName, out var schema) ? schema : throw new KeyNotFoundException($"the provider has no resource type {typeName}");

    public ResourceSchema DataSource(string typeName) =>
        DataSources.TryGetValue(typeName, out var schema) ? schema : throw new KeyNotFoundException($"the provider has no data source {typeName}");
}
