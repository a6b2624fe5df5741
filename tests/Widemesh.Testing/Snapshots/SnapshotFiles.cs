namespace Widemesh.Testing.Snapshots;

/// <summary>Where a test's verified and received files live: beside its source file.</summary>
internal sealed record SnapshotFiles(string Verified, string Received)
{
    public static SnapshotFiles For(string sourceFilePath, string memberName, string? variant, string extension)
    {
        if (string.IsNullOrEmpty(sourceFilePath) || !Path.IsPathRooted(sourceFilePath))
        {
            throw new ArgumentException("The test source path is unknown; call Snapshot from a test method.", nameof(sourceFilePath));
        }

        var directory = Path.GetDirectoryName(sourceFilePath)!;
        var stem = Path.GetFileNameWithoutExtension(sourceFilePath) + "." + memberName
            + (string.IsNullOrEmpty(variant) ? "" : "_" + Sanitize(variant));
        var ext = extension.TrimStart('.');
        return new SnapshotFiles(
            Path.Combine(directory, $"{stem}.verified.{ext}"),
            Path.Combine(directory, $"{stem}.received.{ext}"));
    }

    private static string Sanitize(string variant) =>
        string.Concat(variant.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
