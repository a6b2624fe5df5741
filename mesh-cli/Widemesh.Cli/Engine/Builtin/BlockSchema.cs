using Widemesh.Provider.Cty;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;

namespace Widemesh.Cli.Engine.Builtin;

/// <summary>A schema block as the provider announced it: attributes, nested block types, and its implied object type.</summary>
internal sealed record BlockSchema(IReadOnlyList<Tf.Schema.Types.Attribute> Attributes, IReadOnlyList<NestedBlockSchema> Blocks, CtyType Type)
{
    public static BlockSchema From(Tf.Schema.Types.Block? block)
    {
        var attributes = block?.Attributes.ToList() ?? [];
        var blocks = block?.BlockTypes.Select(b => new NestedBlockSchema(b.TypeName, b.Nesting, (int)b.MaxItems, From(b.Block))).ToList() ?? [];
        var type = CtyType.Object(
            attributes.Select(a => KeyValuePair.Create(a.Name, CtyTypeJson.Parse(a.Type.Span)))
                .Concat(blocks.Select(b => KeyValuePair.Create(b.TypeName, b.CollectionType))));
        return new BlockSchema(attributes, blocks, type);
    }

    public Tf.Schema.Types.Attribute? Find(string name) => Attributes.FirstOrDefault(a => a.Name == name);

    public NestedBlockSchema? FindBlock(string typeName) => Blocks.FirstOrDefault(b => b.TypeName == typeName);

    public CtyType TypeOf(string name) => Type.AttributeTypes[name];
}
