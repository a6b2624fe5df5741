namespace Widemesh.Testing.Terraform.Schema;

/// <summary>A resource or data source schema: its version and root block.</summary>
public sealed record ResourceSchema(long Version, SchemaBlock Block);
