using System.Text.Json;

namespace Widemesh.Platform.Drains;

/// <summary>
/// The drains' files under <c>&lt;data-dir&gt;/drains/</c>: <c>&lt;environment-id&gt;.json</c> lists an environment's
/// drains and <c>&lt;drain-id&gt;.cursor</c> holds what a drain has sent. Every write goes to a temporary file that is
/// then renamed over the old one, so a crash leaves either the old or the new content.
/// </summary>
internal sealed class DrainFiles(string directory)
{
    public string Directory { get; } = directory;

    /// <summary>Every stored drain; a file that cannot be read is reported to <paramref name="damaged"/> and skipped.</summary>
    public List<DrainRecord> LoadAll(Action<string, Exception> damaged)
    {
        ArgumentNullException.ThrowIfNull(damaged);
        var records = new List<DrainRecord>();
        if (!System.IO.Directory.Exists(Directory))
        {
            return records;
        }

        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, "*.json"))
        {
            try
            {
                records.AddRange(JsonSerializer.Deserialize(File.ReadAllBytes(path), DrainsJsonContext.Default.DrainRecordArray) ?? []);
            }
            catch (Exception exception) when (exception is JsonException or IOException)
            {
                damaged(path, exception);
            }
        }

        return records;
    }

    public Task SaveEnvironmentAsync(string environmentId, IReadOnlyCollection<DrainRecord> drains, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Directory, environmentId + ".json");
        if (drains.Count == 0)
        {
            File.Delete(path);
            return Task.CompletedTask;
        }

        return WriteAsync(path, JsonSerializer.SerializeToUtf8Bytes(drains.ToArray(), DrainsJsonContext.Default.DrainRecordArray), cancellationToken);
    }

    /// <summary>What the drain has sent, or null when nothing is recorded (or the record cannot be read).</summary>
    public DrainProgress? LoadProgress(string drainId)
    {
        var path = ProgressPath(drainId);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllBytes(path), DrainsJsonContext.Default.DrainProgress) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public Task SaveProgressAsync(string drainId, DrainProgress progress, CancellationToken cancellationToken) =>
        WriteAsync(ProgressPath(drainId), JsonSerializer.SerializeToUtf8Bytes(progress, DrainsJsonContext.Default.DrainProgress), cancellationToken);

    public void DeleteProgress(string drainId) => File.Delete(ProgressPath(drainId));

    private string ProgressPath(string drainId) => Path.Combine(Directory, drainId + ".cursor");

    private async Task WriteAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var temporary = path + ".tmp";
        await File.WriteAllBytesAsync(temporary, content, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
