using Widemesh.Provider.Cty;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;

namespace Widemesh.Cli.Engine.Builtin;

/// <summary>A resource type's schema as the provider announced it, with its implied object type.</summary>
internal sealed record ResourceTypeSchema(string TypeName, long Version, BlockSchema Block)
{
    public CtyType Type => Block.Type;

    public IReadOnlyList<Tf.Schema.Types.Attribute> Attributes => Block.Attributes;

    public IReadOnlyList<NestedBlockSchema> Blocks => Block.Blocks;

    public static ResourceTypeSchema From(string typeName, Tf.Schema schema) => new(typeName, schema.Version, BlockSchema.From(schema.Block));

    public Tf.Schema.Types.Attribute? Find(string name) => Block.Find(name);

    public CtyType TypeOf(string name) => Block.TypeOf(name);
}
