namespace Widemesh.Platform.Store;

internal sealed partial class SqlitePlatformStore
{
    public Task<StoredRelease> AddReleaseAsync(string environmentId, string releaseId, string digest, long sizeBytes, CancellationToken cancellationToken) =>
        WriteAsync(
            transaction =>
            {
                using var next = Command(_writer, transaction, "SELECT coalesce(max(number), 0) + 1 FROM releases WHERE environment_id = $e", ("$e", environmentId));
                var number = (int)(long)next.ExecuteScalar()!;
                var now = Now();
                using var insert = Command(
                    _writer,
                    transaction,
                    "INSERT INTO releases (id, environment_id, number, digest, size_bytes, created_at) VALUES ($id, $e, $n, $d, $s, $t)",
                    ("$id", releaseId),
                    ("$e", environmentId),
                    ("$n", number),
                    ("$d", digest),
                    ("$s", sizeBytes),
                    ("$t", now));
                insert.ExecuteNonQuery();
                transaction.Commit();
                return new StoredRelease(releaseId, environmentId, number, digest, sizeBytes, Time(now));
            },
            cancellationToken);

    public Task<IReadOnlyList<StoredRelease>> ListReleasesAsync(string environmentId, CancellationToken cancellationToken) => ReadAsync<IReadOnlyList<StoredRelease>>(session =>
    {
        using var reader = session.Command(
            "SELECT id, environment_id, number, digest, size_bytes, created_at FROM releases WHERE environment_id = $e ORDER BY number DESC",
            ("$e", environmentId)).ExecuteReader();
        var releases = new List<StoredRelease>();
        while (reader.Read())
        {
            releases.Add(new StoredRelease(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetInt64(4), Time(reader.GetInt64(5))));
        }

        return releases;
    }, cancellationToken);
}
