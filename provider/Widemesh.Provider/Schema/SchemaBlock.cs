using Widemesh.Provider.Cty;

namespace Widemesh.Provider.Schema;

/// <summary>A schema block: attributes and, optionally, nested block types (nesting mode list).</summary>
internal sealed record SchemaBlock(IReadOnlyList<SchemaAttribute> Attributes, string Description, IReadOnlyList<SchemaNestedBlock>? Blocks = null)
{
    public IReadOnlyList<SchemaNestedBlock> NestedBlocks => Blocks ?? [];

    /// <summary>The object type of a value of this block (protocol doc §3.2): attributes, then each block type as a list of objects.</summary>
    public CtyType ImpliedType() => CtyType.Object(
        Attributes.Select(a => KeyValuePair.Create(a.Name, a.Type))
            .Concat(NestedBlocks.Select(b => KeyValuePair.Create(b.TypeName, b.ListType))));

    public SchemaAttribute? Find(string name) => Attributes.FirstOrDefault(a => a.Name == name);
}
