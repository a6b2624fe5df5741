using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using Widemesh.Platform.Configuration;

namespace Widemesh.Platform.Releases;

/// <summary>
/// Release archives in the data directory: <c>releases/&lt;environment id&gt;/&lt;release id&gt;.tar.gz</c>. An
/// upload is streamed to a temporary file while hashed, checked entry by entry, and only then renamed into place,
/// so a half-written or hostile archive never becomes a release.
/// </summary>
internal sealed class ReleaseStore(PlatformOptions options)
{
    /// <summary>The largest archive accepted (256 MiB).</summary>
    public const long MaxArchiveBytes = 256L * 1024 * 1024;

    /// <summary>The most an archive may unpack to (1 GiB), so a small archive cannot fill the disk.</summary>
    public const long MaxUnpackedBytes = 1024L * 1024 * 1024;

    private string Root => Path.Combine(options.DataDirectory, "releases");

    public string GetArchivePath(string environmentId, string releaseId) => Path.Combine(Root, environmentId, releaseId + ".tar.gz");

    /// <summary>Streams <paramref name="body"/> to a temporary file; the caller checks and then keeps or discards it.</summary>
    public async Task<ReleaseUpload> ReceiveAsync(string environmentId, Stream body, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Root, environmentId);
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".upload-{Guid.NewGuid():N}");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        try
        {
            await using var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                size += read;
                if (size > MaxArchiveBytes)
                {
                    throw new ReleaseTooLargeException();
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            await file.FlushAsync(cancellationToken);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        return new ReleaseUpload(temporary, "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    /// <summary>Null when the archive is a gzip'd tar whose entries all stay inside the directory; else what is wrong and how to fix it.</summary>
    public static async Task<string?> CheckAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = File.OpenRead(path);
            await using var gzip = new GZipStream(file, CompressionMode.Decompress);
            await using var tar = new TarReader(gzip);
            long unpacked = 0;
            var files = 0;
            while (await tar.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                files += entry.EntryType is TarEntryType.Directory ? 0 : 1;
                if (EntryProblem(entry) is { } problem)
                {
                    return problem;
                }

                unpacked += entry.Length;
                if (unpacked > MaxUnpackedBytes)
                {
                    return $"the archive unpacks to more than {MaxUnpackedBytes / (1024 * 1024)} MiB; leave build outputs and dependencies you do not run out of it (.meshignore).";
                }
            }

            return files == 0 ? "the archive holds no files; pack the application's directory." : null;
        }
        catch (Exception exception) when (exception is InvalidDataException or FormatException or EndOfStreamException)
        {
            return $"the body is not a gzip-compressed tar archive ({exception.Message}); send the directory packed as .tar.gz with Content-Type: application/gzip.";
        }
    }

    /// <summary>Makes a checked upload the release's archive.</summary>
    public void Keep(ReleaseUpload upload, string environmentId, string releaseId) =>
        File.Move(upload.TemporaryPath, GetArchivePath(environmentId, releaseId), overwrite: false);

    /// <summary>Deletes every release archive of a deleted environment.</summary>
    public void DeleteEnvironment(string environmentId)
    {
        var directory = Path.Combine(Root, environmentId);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string? EntryProblem(TarEntry entry)
    {
        var name = entry.Name.Replace('\\', '/');
        if (name.StartsWith('/') || name.Split('/').Contains(".."))
        {
            return $"the entry '{entry.Name}' points outside the application's directory (absolute or '..'); pack paths relative to the directory.";
        }

        switch (entry.EntryType)
        {
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile or TarEntryType.Directory:
                return null;
            case TarEntryType.SymbolicLink:
                var target = entry.LinkName.Replace('\\', '/');
                var depth = name.Count(c => c == '/');
                var up = target.Split('/').Count(part => part == "..");
                return target.StartsWith('/') || up > depth
                    ? $"the symbolic link '{entry.Name}' points at '{entry.LinkName}', outside the application's directory; make it relative and inside."
                    : null;
            case TarEntryType.GlobalExtendedAttributes or TarEntryType.ExtendedAttributes:
                return null;
            default:
                return $"the entry '{entry.Name}' is a {entry.EntryType}; a release holds only files, directories and symbolic links.";
        }
    }
}
