using Google.Protobuf;
using Widemesh.Provider.Cty;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;

namespace Widemesh.Provider.Schema;

/// <summary>A versioned schema of the provider, a resource or a data source, and its protobuf form.</summary>
internal sealed record ResourceSchema(long Version, SchemaBlock Block)
{
    private readonly Lazy<CtyType> _impliedType = new(Block.ImpliedType);

    public CtyType ImpliedType => _impliedType.Value;

    public Tf.Schema ToProto() => new() { Version = Version, Block = ToProto(Block) };

    private static Tf.Schema.Types.Block ToProto(SchemaBlock schemaBlock)
    {
        var block = new Tf.Schema.Types.Block
        {
            Description = schemaBlock.Description,
            DescriptionKind = Tf.StringKind.Markdown,
        };
        foreach (var attribute in schemaBlock.Attributes)
        {
            block.Attributes.Add(new Tf.Schema.Types.Attribute
            {
                Name = attribute.Name,
                Type = ByteString.CopyFrom(CtyTypeJson.SerializeToUtf8(attribute.Type)),
                Description = attribute.Description,
                DescriptionKind = Tf.StringKind.Markdown,
                Required = attribute.Required,
                Optional = attribute.Optional,
                Computed = attribute.Computed,
                Sensitive = attribute.Sensitive,
            });
        }

        foreach (var nested in schemaBlock.NestedBlocks)
        {
            block.BlockTypes.Add(new Tf.Schema.Types.NestedBlock
            {
                TypeName = nested.TypeName,
                Block = ToProto(nested.Block),
                Nesting = Tf.Schema.Types.NestedBlock.Types.NestingMode.List,
                MaxItems = nested.MaxItems,
            });
        }

        return block;
    }
}
