using Widemesh.Provider.Cty;
using Widemesh.Provider.Diagnostics;
using Widemesh.Provider.Resources.Rack;
using Widemesh.Provider.Schema;
using Widemesh.Provider.Server;
using Widemesh.Sdk.Client;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;

namespace Widemesh.Provider.DataSources;

/// <summary><c>data "widemesh_racks"</c>: every rack of the account, sorted by name.</summary>
internal sealed class RacksDataSource : IDataSource
{
    public const string Racks = "racks";
    public const string Names = "names";

    public string TypeName => "widemesh_racks";

    public ResourceSchema Schema { get; } = new(0, new SchemaBlock(
        [
            new SchemaAttribute(Racks, CtyType.List(RackSchema.Resource.ImpliedType), "The racks, sorted by name: each with `name`, `provider`, `region`, `id`, `status` and `ingress_address`.", Computed: true),
            new SchemaAttribute(Names, CtyType.List(CtyType.String), "The rack names, sorted.", Computed: true),
        ],
        "Lists the racks of the account."));

    public void Validate(CtyValue config, ICollection<Tf.Diagnostic> diagnostics)
    {
    }

    public async Task<CtyValue?> ReadAsync(CtyValue config, PlatformConnection platform, ICollection<Tf.Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        try
        {
            var racks = (await platform.Client!.ListRacksAsync(cancellationToken)).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
            return CtyValue.Object(Schema.ImpliedType,
            [
                KeyValuePair.Create(Racks, CtyValue.List(RackSchema.Resource.ImpliedType, racks.Select(RackResource.ToState))),
                KeyValuePair.Create(Names, AttributeValues.StringList(racks.Select(r => r.Name))),
            ]);
        }
        catch (WidemeshException ex)
        {
            diagnostics.Add(ProviderDiagnostics.Platform("Read Racks Data Source", ex));
            return null;
        }
    }
}
