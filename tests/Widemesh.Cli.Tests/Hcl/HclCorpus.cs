using System.Runtime.CompilerServices;
using System.Text;

namespace Widemesh.Cli.Tests.Hcl;

/// <summary>The hand-written HCL files in <c>Corpus/</c>, read from the source tree so their bytes are exact.</summary>
internal static class HclCorpus
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static string Directory { get; } = Path.Combine(SourceDirectory(), "Corpus");

    public static IEnumerable<string> FileNames =>
        System.IO.Directory.EnumerateFiles(Directory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static TheoryData<string> Names => [.. FileNames];

    public static string Read(string name) => Utf8.GetString(File.ReadAllBytes(Path.Combine(Directory, name)));

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
