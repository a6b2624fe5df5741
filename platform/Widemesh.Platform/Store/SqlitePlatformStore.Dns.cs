namespace Widemesh.Platform.Store;

internal sealed partial class SqlitePlatformStore
{
    private const string DnsHostsSelect = """
        SELECT e.name, e.racks, r.ingress_address
        FROM environments e
        LEFT JOIN environment_racks er ON er.environment_id = e.id
            AND er.position = (SELECT max(last.position) FROM environment_racks last WHERE last.environment_id = e.id)
        LEFT JOIN racks r ON r.id = er.rack_id
        """;

    public Task<IReadOnlyList<StoredDnsHost>> ListDnsHostsAsync(CancellationToken cancellationToken) => ReadAsync<IReadOnlyList<StoredDnsHost>>(session =>
    {
        using var reader = session.Command(DnsHostsSelect).ExecuteReader();
        return ReadDnsHosts(reader);
    }, cancellationToken);

    public Task<StoredDnsHost?> GetDnsHostAsync(string name, CancellationToken cancellationToken) => ReadAsync(session =>
    {
        using var reader = session.Command(DnsHostsSelect + " WHERE e.name = $n", ("$n", name)).ExecuteReader();
        return ReadDnsHosts(reader) is [var host] ? host : null;
    }, cancellationToken);

    private static List<StoredDnsHost> ReadDnsHosts(Microsoft.Data.Sqlite.SqliteDataReader reader)
    {
        var hosts = new List<StoredDnsHost>();
        while (reader.Read())
        {
            var racks = reader.GetString(1).Split(',', StringSplitOptions.RemoveEmptyEntries);
            hosts.Add(new StoredDnsHost(reader.GetString(0), racks, reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return hosts;
    }
}
