using System.Text;

namespace Widemesh.Cli.Hcl;

/// <summary>
/// A parsed <c>.tf</c>/<c>.hcl</c> file. <see cref="HclNode.ToFullString"/> gives back the input byte for byte
/// (after edits: the input with only the edited parts changed).
/// </summary>
internal sealed record HclFile(string Path, HclBody Body, IReadOnlyList<HclDiagnostic> Errors) : HclNode
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public bool HasErrors => Errors.Count > 0;

    public static HclFile Parse(string text, string path = "<input>") => HclParser.ParseFile(text, path);

    /// <summary>Reads a file as UTF-8, keeping a byte order mark if there is one; invalid UTF-8 is reported as an error.</summary>
    public static HclFile Load(string path) => Decode(File.ReadAllBytes(path), path);

    public static async Task<HclFile> LoadAsync(string path, CancellationToken cancellationToken) =>
        Decode(await File.ReadAllBytesAsync(path, cancellationToken), path);

    public static HclFile Decode(byte[] bytes, string path)
    {
        try
        {
            return Parse(StrictUtf8.GetString(bytes), path);
        }
        catch (DecoderFallbackException e)
        {
            var file = Parse(Utf8.GetString(bytes), path);
            var at = e.Index >= 0 ? $" at byte {e.Index}" : "";
            var error = new HclDiagnostic(path, 1, 1, $"the file is not valid UTF-8{at}: save it as UTF-8");
            return file with { Errors = [error, .. file.Errors] };
        }
    }

    public Task SaveAsync(string path, CancellationToken cancellationToken) =>
        File.WriteAllBytesAsync(path, Utf8.GetBytes(ToFullString()), cancellationToken);

    public override IEnumerable<HclSyntaxElement?> Children() => [Body];
}
