using System.Text;

namespace Widemesh.Cli.Workspace;

/// <summary>
/// The workspace files a command writes, with what they held before, so a failed apply can put the
/// workspace back as it was (a created file is removed, an edited one restored byte for byte).
/// </summary>
internal sealed class WorkspaceFiles(string workspace)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly Dictionary<string, byte[]?> _originals = new(StringComparer.Ordinal);

    public string Root => workspace;

    /// <summary>The files changed so far, relative to the workspace, in the order first touched.</summary>
    public IReadOnlyList<string> Changed => [.. _originals.Keys];

    public string FullPath(string relativePath) => Path.Combine(workspace, relativePath);

    public bool Exists(string relativePath) => File.Exists(FullPath(relativePath));

    public string? ReadText(string relativePath) => Exists(relativePath) ? Utf8.GetString(File.ReadAllBytes(FullPath(relativePath))) : null;

    public void Write(string relativePath, string text)
    {
        Remember(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(FullPath(relativePath))!);
        WriteAtomically(FullPath(relativePath), Utf8.GetBytes(text));
    }

    public void Delete(string relativePath)
    {
        Remember(relativePath);
        File.Delete(FullPath(relativePath));
    }

    /// <summary>Puts every touched file back as it was before this command.</summary>
    public void Rollback()
    {
        foreach (var (relativePath, original) in _originals)
        {
            if (original is null)
            {
                File.Delete(FullPath(relativePath));
            }
            else
            {
                WriteAtomically(FullPath(relativePath), original);
            }
        }

        _originals.Clear();
    }

    /// <summary>
    /// Writes a temporary file beside the target and renames it over: a mesh killed mid-write (a crash, a killed
    /// <c>env migrate</c>) leaves the old file or the new one, never a truncated one (issue 6).
    /// </summary>
    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temporary = path + ".tmp-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }

    private void Remember(string relativePath)
    {
        if (!_originals.ContainsKey(relativePath))
        {
            _originals[relativePath] = Exists(relativePath) ? File.ReadAllBytes(FullPath(relativePath)) : null;
        }
    }
}
