using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Widemesh.Platform.Logs;

/// <summary>
/// Mints and checks ingest tokens (<c>wml_</c> + 64 hex digits): each may write the logs of one environment on one
/// rack and nothing else. Only SHA-256 hashes are kept, in <c>&lt;logs-dir&gt;/ingest-tokens.json</c> (mode 0600),
/// rewritten through a temporary file and a rename.
/// </summary>
internal sealed class IngestTokenService
{
    public const string Prefix = "wml_";

    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly Lock _gate = new();
    private readonly string _path;
    private readonly TimeProvider _time;
    private Dictionary<string, IngestTokenRecord> _byHash;

    public IngestTokenService(LogStoreOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _path = Path.Combine(options.Directory, "ingest-tokens.json");
        _time = time;
        _byHash = Load(_path);
    }

    public static bool LooksLikeIngestToken(string token) => token.StartsWith(Prefix, StringComparison.Ordinal);

    public async Task<MintedIngestToken> MintAsync(LogEnvironmentRef environment, string rack, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var secret = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var id = "ltk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var record = new IngestTokenRecord(id, environment.Id, environment.Name, rack, Hash(secret), _time.GetUtcNow());
        await ChangeAsync(tokens => tokens[record.Hash] = record, cancellationToken);
        return new MintedIngestToken(id, secret, environment.Name, rack);
    }

    /// <summary>The scope of <paramref name="secret"/>, or null when it is not a known ingest token.</summary>
    public IngestScope? Find(string secret)
    {
        if (!LooksLikeIngestToken(secret))
        {
            return null;
        }

        lock (_gate)
        {
            return _byHash.TryGetValue(Hash(secret), out var record)
                ? new IngestScope(record.Id, record.EnvironmentId, record.EnvironmentName, record.Rack)
                : null;
        }
    }

    /// <summary>Revokes every ingest token of an environment (when it is deleted).</summary>
    public Task RevokeEnvironmentAsync(string environmentId, CancellationToken cancellationToken) =>
        ChangeAsync(tokens => tokens.Where(pair => pair.Value.EnvironmentId == environmentId).ToList().ForEach(pair => tokens.Remove(pair.Key)), cancellationToken);

    /// <summary>Revokes the tokens of racks the environment no longer runs on.</summary>
    public Task RevokeRacksAsync(string environmentId, IReadOnlyCollection<string> keptRacks, CancellationToken cancellationToken) =>
        ChangeAsync(tokens => tokens.Where(pair => pair.Value.EnvironmentId == environmentId && !keptRacks.Contains(pair.Value.Rack)).ToList().ForEach(pair => tokens.Remove(pair.Key)), cancellationToken);

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static Dictionary<string, IngestTokenRecord> Load(string path)
    {
        if (!File.Exists(path))
        {
            return new Dictionary<string, IngestTokenRecord>(StringComparer.Ordinal);
        }

        var records = JsonSerializer.Deserialize(File.ReadAllBytes(path), LogsJsonContext.Default.IngestTokenRecordArray) ?? [];
        return records.ToDictionary(record => record.Hash, StringComparer.Ordinal);
    }

    private async Task ChangeAsync(Action<Dictionary<string, IngestTokenRecord>> change, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            Dictionary<string, IngestTokenRecord> next;
            lock (_gate)
            {
                next = new Dictionary<string, IngestTokenRecord>(_byHash, StringComparer.Ordinal);
            }

            change(next);
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            var temporary = _path + ".tmp";
            await File.WriteAllBytesAsync(temporary, JsonSerializer.SerializeToUtf8Bytes(next.Values.ToArray(), LogsJsonContext.Default.IngestTokenRecordArray), cancellationToken);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            File.Move(temporary, _path, overwrite: true);
            lock (_gate)
            {
                _byHash = next;
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
