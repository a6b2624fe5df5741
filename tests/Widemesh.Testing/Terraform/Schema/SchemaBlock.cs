using Widemesh.Testing.Terraform.Cty;

namespace Widemesh.Testing.Terraform.Schema;

/// <summary>A schema block: attributes plus nested block types.</summary>
public sealed record SchemaBlock(
    IReadOnlyList<SchemaAttribute> Attributes,
    IReadOnlyList<SchemaNestedBlock> BlockTypes,
    bool Computed = false,
    bool Deprecated = false,
    string DeprecationMessage = "")
{
    public static SchemaBlock Empty { get; } = new([], []);

    public CtyType ImpliedType() => CtyType.Object(
        Attributes.Select(a => KeyValuePair.Create(a.Name, a.ImpliedType()))
            .Concat(BlockTypes.Select(b => KeyValuePair.Create(b.TypeName, b.ImpliedType()))));

    public SchemaAttribute? Attribute(string name) => Attributes.FirstOrDefault(a => a.Name == name);

    public SchemaNestedBlock? BlockType(string name) => BlockTypes.FirstOrDefault(b => b.TypeName == name);

    /// <summary>An object of this block's type with every attribute null and every block collection empty.</summary>
    public CtyValue AllNull()
    {
        var type = ImpliedType();
        var values = new Dictionary<string, CtyValue>(StringComparer.Ordinal);
        foreach (var block in BlockTypes)
        {
            var blockType = type.Attributes[block.TypeName];
            values[block.TypeName] = block.Nesting switch
            {
                SchemaNesting.List when blockType.Kind == CtyTypeKind.List => CtyValue.List(blockType.Element!, []),
                SchemaNesting.Set => CtyValue.Set(blockType.Element!, []),
                SchemaNesting.Map when blockType.Kind == CtyTypeKind.Map => CtyValue.Map(blockType.Element!, []),
                SchemaNesting.Group => block.Block.AllNull(),
                _ => CtyValue.Null(blockType),
            };
        }

        return CtyValue.Object(type, values);
    }
}
