using System.Text;
using System.Text.RegularExpressions;

namespace Widemesh.Cli.Deploy;

/// <summary>
/// What <c>mesh deploy</c> leaves out of a release: <c>.git</c> always, plus the patterns of a <c>.meshignore</c>
/// in the application directory, one per line (<c>#</c> comments). <c>*</c> and <c>?</c> match within a name,
/// <c>**</c> across folders; a pattern without <c>/</c> matches a file or folder name anywhere, one with <c>/</c>
/// a path from the directory; a trailing <c>/</c> matches folders only. An ignored folder is skipped whole.
/// </summary>
internal sealed class IgnoreRules
{
    public const string FileName = ".meshignore";

    private readonly List<(Regex Pattern, bool Anchored, bool DirectoryOnly)> _patterns = [];

    private IgnoreRules()
    {
    }

    public static IgnoreRules Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        return Parse(File.Exists(path) ? File.ReadAllLines(path) : []);
    }

    public static IgnoreRules Parse(IEnumerable<string> lines)
    {
        var rules = new IgnoreRules();
        foreach (var raw in lines.Prepend(".git/"))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var directoryOnly = line.EndsWith('/');
            line = line.TrimEnd('/');
            var anchored = line.Contains('/', StringComparison.Ordinal);
            line = line.TrimStart('/');
            if (line.Length > 0)
            {
                rules._patterns.Add((new Regex(ToRegex(line), RegexOptions.CultureInvariant), anchored, directoryOnly));
            }
        }

        return rules;
    }

    /// <summary>Whether <paramref name="relativePath"/> (with <c>/</c> separators) is left out.</summary>
    public bool IsIgnored(string relativePath, bool isDirectory)
    {
        var name = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        foreach (var (pattern, anchored, directoryOnly) in _patterns)
        {
            if ((!directoryOnly || isDirectory) && pattern.IsMatch(anchored ? relativePath : name))
            {
                return true;
            }
        }

        return false;
    }

    private static string ToRegex(string glob)
    {
        var builder = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                builder.Append(".*");
                i++;
                if (i + 1 < glob.Length && glob[i + 1] == '/')
                {
                    i++;
                    builder.Append("/?");
                }
            }
            else
            {
                builder.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        return builder.Append('$').ToString();
    }
}
