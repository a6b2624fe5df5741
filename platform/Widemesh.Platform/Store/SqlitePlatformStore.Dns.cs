namespace Widemesh.Platform.Store;

internal sealed partial class SqlitePlatformStore
{
    private const string DnsHostsSelect = """
        SELECT e.name, e.racks, r.ingress_address
        FROM environments e
        LEFT JOIN environment_racks er ON er.environment_id = e.id
            AND er.position = (SELECT max(last.position) FROM environment_racks last WHERE last.environment_id = e.id)
        LEFT JOIN racks r ON r.id = er.rack_id
        ORDER BY e.name
        """;

    public Task<IReadOnlyList<StoredDnsHost>> ListDnsHostsAsync(CancellationToken cancellationToken) => ReadAsync<IReadOnlyList<StoredDnsHost>>(session =>
    {
        using var reader = session.Command(DnsHostsSelect).ExecuteReader();
        var hosts = new List<StoredDnsHost>();
        while (reader.Read())
        {
            var racks = reader.GetString(1).Split(',', StringSplitOptions.RemoveEmptyEntries);
            hosts.Add(new StoredDnsHost(reader.GetString(0), racks, reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return hosts;
    }, cancellationToken);
}
