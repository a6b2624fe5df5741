using Widemesh.Provider.Cty;
using Widemesh.Provider.Diagnostics;
using Widemesh.Provider.Resources.Environment;
using Widemesh.Provider.Schema;
using Widemesh.Provider.Server;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Naming;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;

namespace Widemesh.Provider.DataSources;

/// <summary><c>data "widemesh_environment"</c>: one environment of the account, by name.</summary>
internal sealed class EnvironmentDataSource : IDataSource
{
    public string TypeName => "widemesh_environment";

    public ResourceSchema Schema { get; } = new(0, new SchemaBlock(
        [
            SchemaAttribute.RequiredString(EnvironmentSchema.Name, "Name of the environment to read."),
            new SchemaAttribute(EnvironmentSchema.Racks, CtyType.List(CtyType.String), "Ordered racks of the environment; the last is the primary.", Computed: true),
            SchemaAttribute.ComputedString(EnvironmentSchema.PrimaryRack, "The rack DNS points at (the last of `racks`)."),
            SchemaAttribute.ComputedString(EnvironmentSchema.Hostname, "DNS name of the environment."),
            SchemaAttribute.ComputedString(EnvironmentSchema.Id, "Identifier the platform gave the environment."),
            SchemaAttribute.ComputedString(EnvironmentSchema.Status, "State of the environment, such as `ready`."),
            new SchemaAttribute(EnvironmentSchema.DnsRecords, EnvironmentDnsRecords.ListType, "The DNS records the platform serves for `hostname` (`type`, `name`, `value`, `ttl`).", Computed: true),
            SchemaAttribute.ComputedString(EnvironmentWorkloads.Release, "The release (`rel_…`) the instances run in; null for none."),
            new SchemaAttribute(EnvironmentWorkloads.Stack, EnvironmentWorkloads.StackBlock.ListType, "The environment's stacks, as in the resource's `stack` blocks.", Computed: true),
            new SchemaAttribute(EnvironmentWorkloads.Service, EnvironmentWorkloads.ServiceBlock.ListType, "The environment's services, as in the resource's `service` blocks.", Computed: true),
        ],
        "Reads one environment of the account by name."));

    public void Validate(CtyValue config, ICollection<Tf.Diagnostic> diagnostics)
    {
        if (AttributeValues.KnownString(config, EnvironmentSchema.Name) is { } name && NameRules.Validate(name, "name") is { } problem)
        {
            diagnostics.Add(ProviderDiagnostics.Error("Invalid Environment Data Source Configuration", problem, CtyPath.Attribute(EnvironmentSchema.Name)));
        }
    }

    public async Task<CtyValue?> ReadAsync(CtyValue config, PlatformConnection platform, ICollection<Tf.Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var name = config[EnvironmentSchema.Name].AsString();
        try
        {
            var environment = await platform.Client!.GetEnvironmentAsync(name, cancellationToken);
            if (environment is null)
            {
                diagnostics.Add(ProviderDiagnostics.Error(
                    "Read Environment Data Source Error",
                    $"The account has no environment named \"{name}\". Check the name (the widemesh_environments data source lists them) or create the environment first.",
                    CtyPath.Attribute(EnvironmentSchema.Name)));
                return null;
            }

            return CtyValue.Object(Schema.ImpliedType, EnvironmentResource.ToState(environment, await EnvironmentDnsRecords.ReadAsync(platform.Client, name, cancellationToken)).Attributes);
        }
        catch (WidemeshException ex)
        {
            diagnostics.Add(ProviderDiagnostics.Platform("Read Environment Data Source", ex));
            return null;
        }
    }
}
