using Widemesh.Provider.Schema;

namespace Widemesh.Provider.Resources.Rack;

/// <summary>The schema of <c>widemesh_rack</c>. Version 1 added <c>rack_provider</c>, version 2 <c>ingress_address</c>.</summary>
internal static class RackSchema
{
    public const string Name = "name";
    public const string ProviderName = "provider";
    public const string RackProvider = "rack_provider";
    public const string Region = "region";
    public const string Id = "id";
    public const string Status = "status";
    public const string IngressAddress = "ingress_address";

    public static ResourceSchema Resource { get; } = new(2, new SchemaBlock(
        [
            SchemaAttribute.RequiredString(Name, "Name of the rack, unique in the account: a DNS label (lowercase letters, digits and `-`, 1–63 characters, starting with a letter). Changing it replaces the rack."),
            new SchemaAttribute(ProviderName, Cty.CtyType.String, "Where the rack runs: `local` (this machine, the default) or `aws`. Terraform reserves `provider` as a meta-argument inside resource blocks, so set it with `rack_provider`; read it as `widemesh_rack.<name>.provider`. Changing it replaces the rack.", Optional: true, Computed: true),
            new SchemaAttribute(RackProvider, Cty.CtyType.String, "Where the rack runs: `local` (the default) or `aws` — the settable form of `provider`. Changing it replaces the rack.", Optional: true, Computed: true),
            SchemaAttribute.OptionalString(Region, "Cloud region of an `aws` rack, such as `eu-west-1`; required when `provider` is `aws`, not allowed otherwise. Changing it replaces the rack."),
            SchemaAttribute.ComputedString(Id, "Identifier the platform gave the rack (`rck_…`)."),
            SchemaAttribute.ComputedString(Status, "State of the rack as the platform reports it, such as `ready`."),
            SchemaAttribute.ComputedString(IngressAddress, "Address of the rack's ingress (a distinct loopback address such as `127.0.1.1` for a local rack); an environment's host name resolves to the ingress of its last rack."),
        ],
        "A rack: a place where environments run — this machine (`local`) or a cloud region (`aws`)."));
}
