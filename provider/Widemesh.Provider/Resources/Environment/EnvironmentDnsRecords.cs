using Widemesh.Provider.Cty;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Provider.Resources.Environment;

/// <summary>The <c>dns_records</c> attribute: the records the platform serves for an environment's host name.</summary>
internal static class EnvironmentDnsRecords
{
    public static CtyType RecordType { get; } = CtyType.Object(
    [
        KeyValuePair.Create("type", CtyType.String),
        KeyValuePair.Create("name", CtyType.String),
        KeyValuePair.Create("value", CtyType.String),
        KeyValuePair.Create("ttl", CtyType.Number),
    ]);

    public static CtyType ListType { get; } = CtyType.List(RecordType);

    public static CtyValue Unknown => CtyValue.Unknown(ListType);

    /// <summary>No records: the environment's last rack has no ingress address yet.</summary>
    public static CtyValue None => CtyValue.List(RecordType, []);

    /// <summary>
    /// Reads the records from <c>GET /v1/environments/{name}/dns</c>. An environment whose last rack has no ingress
    /// address yet (409) has no records: an empty list. A missing environment reads as null.
    /// </summary>
    public static async Task<CtyValue> ReadAsync(WidemeshClient client, string name, CancellationToken cancellationToken)
    {
        try
        {
            var dns = await client.GetEnvironmentDnsAsync(name, cancellationToken);
            return dns is null ? CtyValue.Null(ListType) : ToValue(dns);
        }
        catch (WidemeshConflictException)
        {
            return None;
        }
    }

    public static CtyValue ToValue(EnvironmentDns dns) => CtyValue.List(RecordType, dns.Records.Select(record => CtyValue.Object(RecordType,
    [
        KeyValuePair.Create("type", CtyValue.String(record.Type)),
        KeyValuePair.Create("name", CtyValue.String(dns.Hostname)),
        KeyValuePair.Create("value", CtyValue.String(record.Value)),
        KeyValuePair.Create("ttl", CtyValue.Number(dns.Ttl)),
    ])));
}
