using Widemesh.Provider.Cty;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;

namespace Widemesh.Cli.Engine.Builtin;

/// <summary>A resource type's schema as the provider announced it, with its implied object type.</summary>
internal sealed record ResourceTypeSchema(string TypeName, long Version, CtyType Type, IReadOnlyList<Tf.Schema.Types.Attribute> Attributes)
{
    public static ResourceTypeSchema From(string typeName, Tf.Schema schema)
    {
        var attributes = schema.Block?.Attributes.ToList() ?? [];
        var type = CtyType.Object(attributes.Select(a => KeyValuePair.Create(a.Name, CtyTypeJson.Parse(a.Type.Span))));
        return new ResourceTypeSchema(typeName, schema.Version, type, attributes);
    }

    public Tf.Schema.Types.Attribute? Find(string name) => Attributes.FirstOrDefault(a => a.Name == name);

    public CtyType TypeOf(string name) => Type.AttributeTypes[name];
}
