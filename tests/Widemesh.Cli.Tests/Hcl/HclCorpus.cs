using System.Runtime.CompilerServices;
using System.Text;

namespace Widemesh.Cli.Tests.Hcl;

/// <summary>The hand-written HCL files in <c>Corpus/</c>, copied to the test output (or read from the source tree).</summary>
internal static class HclCorpus
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The copy in the test output when the project copies it there, else the source folder.</summary>
    public static string Directory { get; } = System.IO.Directory.Exists(Path.Combine(AppContext.BaseDirectory, "Hcl", "Corpus"))
        ? Path.Combine(AppContext.BaseDirectory, "Hcl", "Corpus")
        : Path.Combine(SourceDirectory(), "Corpus");

    public static IEnumerable<string> FileNames =>
        System.IO.Directory.EnumerateFiles(Directory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static TheoryData<string> Names => [.. FileNames];

    public static string Read(string name) => Utf8.GetString(File.ReadAllBytes(Path.Combine(Directory, name)));

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
