using System.Formats.Tar;
using System.IO.Compression;

namespace Widemesh.Platform.Racks.Local;

/// <summary>
/// Unpacks a release (a tar.gz) into a directory. Regular files, directories and symbolic links that stay inside
/// are kept with their permission bits; an entry whose path or link target leaves the directory (<c>..</c>, an
/// absolute path) is refused, and so are hard links and device files.
/// </summary>
internal static class ReleaseUnpacker
{
    public static async Task UnpackAsync(string archivePath, string destination, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(destination);
        Directory.CreateDirectory(root);
        await using var file = File.OpenRead(archivePath);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        await using var reader = new TarReader(gzip);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            var target = Inside(root, entry.Name, entry.Name);
            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    Directory.CreateDirectory(target);
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    await using (var output = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None))
                    {
                        if (entry.DataStream is { } data)
                        {
                            await data.CopyToAsync(output, cancellationToken);
                        }
                    }

                    if (!OperatingSystem.IsWindows())
                    {
                        File.SetUnixFileMode(target, (UnixFileMode)((int)entry.Mode & 0x1FF) | UnixFileMode.UserRead | UnixFileMode.UserWrite);
                    }

                    break;
                case TarEntryType.SymbolicLink:
                    var linkTarget = Path.IsPathRooted(entry.LinkName) ? entry.LinkName : Path.Combine(Path.GetDirectoryName(target)!, entry.LinkName);
                    Inside(root, linkTarget, $"{entry.Name} -> {entry.LinkName}");
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.CreateSymbolicLink(target, entry.LinkName);
                    break;
                case TarEntryType.GlobalExtendedAttributes or TarEntryType.ExtendedAttributes:
                    break;
                default:
                    throw new InvalidDataException($"The release holds '{entry.Name}', a {entry.EntryType} entry: only files, directories and symbolic links can be unpacked.");
            }
        }
    }

    private static string Inside(string root, string path, string shown)
    {
        var full = Path.GetFullPath(Path.Combine(root, path));
        if (full != root && !full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"The release holds '{shown}', which points outside the release directory: every path in the archive must stay inside it.");
        }

        return full;
    }
}
