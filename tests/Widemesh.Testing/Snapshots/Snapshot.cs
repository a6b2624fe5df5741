using System.Runtime.CompilerServices;
using System.Text;

namespace Widemesh.Testing.Snapshots;

/// <summary>
/// Approved-file snapshots: compares generated text with <c>&lt;TestFile&gt;.&lt;Test&gt;.verified.&lt;ext&gt;</c> committed
/// beside the test source file. On a mismatch it writes <c>….received.&lt;ext&gt;</c> next to it and throws; review
/// that file and rename it to <c>.verified.</c> to approve it (or run once with
/// <c>WIDEMESH_ACCEPT_SNAPSHOTS=1</c>, which overwrites the verified files). Line endings are compared as LF.
/// </summary>
public static class Snapshot
{
    public const string AcceptVariable = "WIDEMESH_ACCEPT_SNAPSHOTS";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <param name="actual">The generated text.</param>
    /// <param name="extension">The real extension of the content, such as <c>tf</c>, <c>json</c> or <c>txt</c>.</param>
    /// <param name="variant">Distinguishes several snapshots of one test (theory cases); null for one.</param>
    public static void Match(
        string actual,
        string extension,
        string? variant = null,
        [CallerFilePath] string sourceFilePath = "",
        [CallerMemberName] string memberName = "")
    {
        var files = SnapshotFiles.For(sourceFilePath, memberName, variant, extension);
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(files.Verified, actual, Utf8);
            File.Delete(files.Received);
            return;
        }

        var verified = File.Exists(files.Verified) ? File.ReadAllText(files.Verified, Utf8) : null;
        if (verified is not null && Normalize(verified) == Normalize(actual))
        {
            File.Delete(files.Received);
            return;
        }

        File.WriteAllText(files.Received, actual, Utf8);
        throw new SnapshotMismatchException(Describe(files, verified, actual));
    }

    /// <summary>Asynchronous form of <see cref="Match"/> for async tests.</summary>
    public static async Task MatchAsync(
        string actual,
        string extension,
        CancellationToken cancellationToken,
        string? variant = null,
        [CallerFilePath] string sourceFilePath = "",
        [CallerMemberName] string memberName = "")
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        Match(actual, extension, variant, sourceFilePath, memberName);
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string Describe(SnapshotFiles files, string? verified, string actual)
    {
        var fix = $"Review {files.Received} and, if it is right, rename it to {Path.GetFileName(files.Verified)} "
            + $"(or rerun with {AcceptVariable}=1).";
        if (verified is null)
        {
            return $"No verified snapshot {files.Verified} yet. {fix}";
        }

        var expectedLines = Normalize(verified).Split('\n');
        var actualLines = Normalize(actual).Split('\n');
        var line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
        {
            line++;
        }

        var expectedLine = line < expectedLines.Length ? expectedLines[line] : "<end of file>";
        var actualLine = line < actualLines.Length ? actualLines[line] : "<end of file>";
        return $"Snapshot {Path.GetFileName(files.Verified)} differs at line {line + 1}:\n"
            + $"  verified: {expectedLine}\n  received: {actualLine}\n{fix}";
    }
}
