using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Widemesh.Platform.Tests.Runtime;

/// <summary>Small tar.gz releases built in memory.</summary>
internal static class RuntimeArchives
{
    /// <summary>A tar.gz with one regular file per entry (mode 0755 for names ending in .sh).</summary>
    public static MemoryStream Files(params (string Name, string Text)[] files)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
                {
                    DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)),
                    Mode = name.EndsWith(".sh", StringComparison.Ordinal) ? (UnixFileMode)0x1ED : (UnixFileMode)0x1A4,
                };
                tar.WriteEntry(entry);
            }
        }

        output.Position = 0;
        return output;
    }

    /// <summary>A tar.gz holding one symbolic link.</summary>
    public static MemoryStream Link(string name, string target)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = target });
        }

        output.Position = 0;
        return output;
    }
}
