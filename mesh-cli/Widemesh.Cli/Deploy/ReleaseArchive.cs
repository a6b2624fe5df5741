using System.Formats.Tar;
using System.IO.Compression;

namespace Widemesh.Cli.Deploy;

/// <summary>
/// Packs an application directory as the tar.gz a release is uploaded as: regular files and folders with
/// their modes (so scripts stay executable), paths relative to the directory, what <see cref="IgnoreRules"/>
/// leaves out skipped. Symbolic links are kept as links.
/// </summary>
internal static class ReleaseArchive
{
    /// <summary>Writes the archive to <paramref name="destination"/>; returns how many files it holds.</summary>
    public static async Task<int> PackAsync(string directory, IgnoreRules ignore, Stream destination, CancellationToken cancellationToken)
    {
        var files = 0;
        await using (var gzip = new GZipStream(destination, CompressionLevel.Fastest, leaveOpen: true))
        await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            var pending = new Stack<string>();
            pending.Push(directory);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                foreach (var entry in new DirectoryInfo(current).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var relative = Path.GetRelativePath(directory, entry.FullName).Replace(Path.DirectorySeparatorChar, '/');
                    var isDirectory = entry is DirectoryInfo && entry.LinkTarget is null;
                    if (ignore.IsIgnored(relative, isDirectory))
                    {
                        continue;
                    }

                    await tar.WriteEntryAsync(entry.FullName, isDirectory ? relative + "/" : relative, cancellationToken);
                    if (isDirectory)
                    {
                        pending.Push(entry.FullName);
                    }
                    else
                    {
                        files++;
                    }
                }
            }
        }

        return files;
    }
}
