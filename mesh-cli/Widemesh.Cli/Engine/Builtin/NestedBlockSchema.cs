using Widemesh.Provider.Cty;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;

namespace Widemesh.Cli.Engine.Builtin;

/// <summary>A nested block type of a schema block. The engine evaluates nesting modes list and set (as Terraform values them).</summary>
internal sealed record NestedBlockSchema(string TypeName, Tf.Schema.Types.NestedBlock.Types.NestingMode Nesting, int MaxItems, BlockSchema Block)
{
    public bool IsSupported => Nesting is Tf.Schema.Types.NestedBlock.Types.NestingMode.List or Tf.Schema.Types.NestedBlock.Types.NestingMode.Set;

    public CtyType CollectionType => Nesting switch
    {
        Tf.Schema.Types.NestedBlock.Types.NestingMode.Set => CtyType.Set(Block.Type),
        Tf.Schema.Types.NestedBlock.Types.NestingMode.Single or Tf.Schema.Types.NestedBlock.Types.NestingMode.Group => Block.Type,
        Tf.Schema.Types.NestedBlock.Types.NestingMode.Map => CtyType.Map(Block.Type),
        _ => CtyType.List(Block.Type),
    };
}
