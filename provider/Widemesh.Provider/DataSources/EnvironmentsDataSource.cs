using Widemesh.Provider.Cty;
using Widemesh.Provider.Diagnostics;
using Widemesh.Provider.Resources.Environment;
using Widemesh.Provider.Schema;
using Widemesh.Provider.Server;
using Widemesh.Sdk.Client;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;

namespace Widemesh.Provider.DataSources;

/// <summary><c>data "widemesh_environments"</c>: every environment of the account, sorted by name.</summary>
internal sealed class EnvironmentsDataSource : IDataSource
{
    public const string Environments = "environments";
    public const string Names = "names";

    public string TypeName => "widemesh_environments";

    public ResourceSchema Schema { get; } = new(0, new SchemaBlock(
        [
            new SchemaAttribute(Environments, CtyType.List(EnvironmentSchema.Resource.ImpliedType), "The environments, sorted by name: each with `name`, `racks`, `primary_rack`, `hostname`, `id`, `status`, `dns_records`, `release`, `stack` and `service` (as in the resource).", Computed: true),
            new SchemaAttribute(Names, CtyType.List(CtyType.String), "The environment names, sorted.", Computed: true),
        ],
        "Lists the environments of the account."));

    public void Validate(CtyValue config, ICollection<Tf.Diagnostic> diagnostics)
    {
    }

    public async Task<CtyValue?> ReadAsync(CtyValue config, PlatformConnection platform, ICollection<Tf.Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        try
        {
            var client = platform.Client!;
            var environments = (await client.ListEnvironmentsAsync(cancellationToken)).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();

            // All records in one request; a meshd older than that endpoint is asked environment by environment.
            var records = (await client.ListEnvironmentDnsAsync(cancellationToken))?
                .Where(dns => dns.Environment is not null)
                .ToDictionary(dns => dns.Environment!, StringComparer.Ordinal);
            var states = new List<CtyValue>(environments.Count);
            foreach (var environment in environments)
            {
                var dns = records is null
                    ? await EnvironmentDnsRecords.ReadAsync(client, environment.Name, cancellationToken)
                    : records.TryGetValue(environment.Name, out var found) ? EnvironmentDnsRecords.ToValue(found) : EnvironmentDnsRecords.None;
                states.Add(EnvironmentResource.ToState(environment, dns));
            }

            return CtyValue.Object(Schema.ImpliedType,
            [
                KeyValuePair.Create(Environments, CtyValue.List(EnvironmentSchema.Resource.ImpliedType, states)),
                KeyValuePair.Create(Names, AttributeValues.StringList(environments.Select(e => e.Name))),
            ]);
        }
        catch (WidemeshException ex)
        {
            diagnostics.Add(ProviderDiagnostics.Platform("Read Environments Data Source", ex));
            return null;
        }
    }
}
