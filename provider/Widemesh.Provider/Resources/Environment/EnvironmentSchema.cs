using Widemesh.Provider.Cty;
using Widemesh.Provider.Schema;

namespace Widemesh.Provider.Resources.Environment;

/// <summary>The schema of <c>widemesh_environment</c> (version 1: <c>release</c> and the <c>stack</c> and <c>service</c> blocks added).</summary>
internal static class EnvironmentSchema
{
    public const string Name = "name";
    public const string Racks = "racks";
    public const string PrimaryRack = "primary_rack";
    public const string Hostname = "hostname";
    public const string Id = "id";
    public const string Status = "status";
    public const string DnsRecords = "dns_records";

    public static ResourceSchema Resource { get; } = new(1, new SchemaBlock(
        [
            SchemaAttribute.RequiredString(Name, "Name of the environment, unique on the whole platform so it can be a DNS name: a DNS label (lowercase letters, digits and `-`, 1–63 characters, starting with a letter). Changing it replaces the environment."),
            new SchemaAttribute(Racks, CtyType.List(CtyType.String), "Ordered names of the racks that run the environment: at least one, no duplicates, each an existing rack of the account. The **last** rack is the primary one, where DNS points. Changing the list updates the environment in place; migrate in two steps: `[\"old\", \"new\"]`, then `[\"new\"]`.", Required: true),
            SchemaAttribute.ComputedString(PrimaryRack, "The rack DNS points at: the last element of `racks`."),
            SchemaAttribute.ComputedString(Hostname, "DNS name of the environment, `<name>.<zone>`."),
            SchemaAttribute.ComputedString(Id, "Identifier the platform gave the environment (`env_…`)."),
            SchemaAttribute.ComputedString(Status, "State of the environment as the platform reports it, such as `ready`."),
            new SchemaAttribute(DnsRecords, EnvironmentDnsRecords.ListType, "The DNS records the platform serves for `hostname`: an `A` (or `AAAA`) record with the ingress address of the last rack and a `TXT` record listing the racks in order, each with `type`, `name`, `value` and `ttl` (seconds). Known after apply when `racks` change; empty while the last rack has no ingress address.", Computed: true),
            EnvironmentWorkloads.ReleaseAttribute,
        ],
        "An environment: a network-isolated group of the parts of one application (its stacks and services), hosted on one or more racks.",
        [EnvironmentWorkloads.StackBlock, EnvironmentWorkloads.ServiceBlock]));
}
