using Widemesh.Provider.Schema;

namespace Widemesh.Provider.Resources.LogDrain;

/// <summary>
/// The schema of <c>widemesh_log_drain</c> (version 0). Only stable attributes: the forwarding counters change on
/// every read and would show a diff on every plan, so they stay in the API and <c>mesh logs drain ls</c>.
/// </summary>
internal static class LogDrainSchema
{
    public const string EnvironmentName = "environment";
    public const string Url = "url";
    public const string Id = "id";

    public static ResourceSchema Resource { get; } = new(0, new SchemaBlock(
        [
            SchemaAttribute.RequiredString(EnvironmentName, "Name of the environment whose logs are forwarded. Changing it replaces the drain."),
            SchemaAttribute.RequiredString(Url, "Where to forward: `syslog+tcp://host:port` (RFC 5424 over TCP, octet-counted) or `syslog+tls://host:port` (the same over TLS; the server certificate must be trusted and match the host). Nothing else may follow the port. Changing it replaces the drain."),
            SchemaAttribute.ComputedString(Id, "Identifier the platform gave the drain (`drn_…`)."),
        ],
        "A log drain: meshd forwards every log line of the environment, from the drain's creation on, to a syslog server."));
}
