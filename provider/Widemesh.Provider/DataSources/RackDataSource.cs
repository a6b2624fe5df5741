using Widemesh.Provider.Cty;
using Widemesh.Provider.Diagnostics;
using Widemesh.Provider.Resources.Rack;
using Widemesh.Provider.Schema;
using Widemesh.Provider.Server;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Naming;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;

namespace Widemesh.Provider.DataSources;

/// <summary><c>data "widemesh_rack"</c>: one rack of the account, by name.</summary>
internal sealed class RackDataSource : IDataSource
{
    public string TypeName => "widemesh_rack";

    public ResourceSchema Schema { get; } = new(0, new SchemaBlock(
        [
            SchemaAttribute.RequiredString(RackSchema.Name, "Name of the rack to read."),
            SchemaAttribute.ComputedString(RackSchema.ProviderName, "Where the rack runs: `local` or `aws`."),
            SchemaAttribute.ComputedString(RackSchema.RackProvider, "Same as `provider` (the name the resource uses to set it)."),
            SchemaAttribute.ComputedString(RackSchema.Region, "Cloud region of an `aws` rack; null for a local rack."),
            SchemaAttribute.ComputedString(RackSchema.Id, "Identifier the platform gave the rack."),
            SchemaAttribute.ComputedString(RackSchema.Status, "State of the rack, such as `ready`."),
            SchemaAttribute.ComputedString(RackSchema.IngressAddress, "Address of the rack's ingress, where environments whose last rack this is resolve."),
        ],
        "Reads one rack of the account by name."));

    public void Validate(CtyValue config, ICollection<Tf.Diagnostic> diagnostics)
    {
        if (AttributeValues.KnownString(config, RackSchema.Name) is { } name && NameRules.Validate(name, "name") is { } problem)
        {
            diagnostics.Add(ProviderDiagnostics.Error("Invalid Rack Data Source Configuration", problem, CtyPath.Attribute(RackSchema.Name)));
        }
    }

    public async Task<CtyValue?> ReadAsync(CtyValue config, PlatformConnection platform, ICollection<Tf.Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var name = config[RackSchema.Name].AsString();
        try
        {
            var rack = await platform.Client!.GetRackAsync(name, cancellationToken);
            if (rack is null)
            {
                diagnostics.Add(ProviderDiagnostics.Error(
                    "Read Rack Data Source Error",
                    $"The account has no rack named \"{name}\". Check the name (the widemesh_racks data source lists them) or create the rack first.",
                    CtyPath.Attribute(RackSchema.Name)));
                return null;
            }

            var state = RackResource.ToState(rack);
            return CtyValue.Object(Schema.ImpliedType, state.Attributes);
        }
        catch (WidemeshException ex)
        {
            diagnostics.Add(ProviderDiagnostics.Platform("Read Rack Data Source", ex));
            return null;
        }
    }
}
