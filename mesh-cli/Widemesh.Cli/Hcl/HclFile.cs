using System.Text;

namespace Widemesh.Cli.Hcl;

/// <summary>
/// A parsed <c>.tf</c>/<c>.hcl</c> file. <see cref="HclNode.ToFullString"/> gives back the input byte for byte
/// (after edits: the input with only the edited parts changed).
/// </summary>
internal sealed record HclFile(string Path, HclBody Body, IReadOnlyList<HclDiagnostic> Errors) : HclNode
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public bool HasErrors => Errors.Count > 0;

    public static HclFile Parse(string text, string path = "<input>") => HclParser.ParseFile(text, path);

    /// <summary>Reads a file as UTF-8, keeping a byte order mark if there is one.</summary>
    public static HclFile Load(string path) => Parse(Utf8.GetString(File.ReadAllBytes(path)), path);

    public static async Task<HclFile> LoadAsync(string path, CancellationToken cancellationToken) =>
        Parse(Utf8.GetString(await File.ReadAllBytesAsync(path, cancellationToken)), path);

    public Task SaveAsync(string path, CancellationToken cancellationToken) =>
        File.WriteAllBytesAsync(path, Utf8.GetBytes(ToFullString()), cancellationToken);

    public override IEnumerable<HclSyntaxElement?> Children() => [Body];
}
