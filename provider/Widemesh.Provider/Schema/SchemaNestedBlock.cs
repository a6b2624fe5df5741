using Widemesh.Provider.Cty;

namespace Widemesh.Provider.Schema;

/// <summary>
/// A nested block type (nesting mode list): written as zero or more <c>type { … }</c> blocks, valued as a
/// list of objects that is never null (empty when there are none). <see cref="MaxItems"/> 0 means no limit.
/// </summary>
internal sealed record SchemaNestedBlock(string TypeName, SchemaBlock Block, int MaxItems = 0)
{
    public CtyType ElementType => Block.ImpliedType();

    public CtyType ListType => CtyType.List(ElementType);
}
