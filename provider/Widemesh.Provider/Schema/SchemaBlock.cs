using Widemesh.Provider.Cty;

namespace Widemesh.Provider.Schema;

/// <summary>A schema block of attributes (our resources need no nested blocks).</summary>
internal sealed record SchemaBlock(IReadOnlyList<SchemaAttribute> Attributes, string Description)
{
    /// <summary>The object type of a value of this block (protocol doc §3.2).</summary>
    public CtyType ImpliedType() => CtyType.Object(Attributes.Select(a => KeyValuePair.Create(a.Name, a.Type)));

    public SchemaAttribute? Find(string name) => Attributes.FirstOrDefault(a => a.Name == name);
}
