using System.Text.RegularExpressions;
using ARSoft.Tools.Net.Dns;

namespace Widemesh.Platform.Dns;

/// <summary>
/// Reads a BIND key file (<c>key "name" { algorithm hmac-sha256; secret "base64"; };</c>, as written by
/// <c>tsig-keygen</c>). The file must be readable by its owner only, since it holds a shared secret.
/// Errors name the file and the fix, never the secret.
/// </summary>
internal static partial class TsigKeyFile
{
    private static readonly Dictionary<string, TSigAlgorithm> Algorithms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hmac-md5"] = TSigAlgorithm.Md5,
        ["hmac-md5.sig-alg.reg.int"] = TSigAlgorithm.Md5,
        ["hmac-sha1"] = TSigAlgorithm.Sha1,
        ["hmac-sha224"] = TSigAlgorithm.Sha224,
        ["hmac-sha256"] = TSigAlgorithm.Sha256,
        ["hmac-sha384"] = TSigAlgorithm.Sha384,
        ["hmac-sha512"] = TSigAlgorithm.Sha512,
    };

    public static (TsigKey? Key, string? Problem) Read(string path)
    {
        if (!File.Exists(path))
        {
            return (null, $"--dns-tsig-key '{path}' does not exist: give the BIND key file of the TSIG key allowed to update the zone (create one with `tsig-keygen -a hmac-sha256 meshd > FILE; chmod 600 FILE`).");
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute)) != 0)
        {
            return (null, $"--dns-tsig-key '{path}' can be read by other users, and it holds a secret: make it readable by meshd's user only (`chmod 600 {path}`).");
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (null, $"--dns-tsig-key '{path}' cannot be read: {exception.Message}");
        }

        return Parse(text, path);
    }

    public static (TsigKey? Key, string? Problem) Parse(string text, string path)
    {
        var uncommented = Comments().Replace(text, m => m.Value.StartsWith('"') ? m.Value : " ");
        var match = KeyBlock().Match(uncommented);
        if (!match.Success)
        {
            return (null, $"--dns-tsig-key '{path}' is not a BIND key file: expected key \"NAME\" {{ algorithm hmac-sha256; secret \"BASE64\"; }}; as written by `tsig-keygen`.");
        }

        var name = match.Groups["name"].Value.TrimEnd('.');
        var body = match.Groups["body"].Value;
        var algorithmName = AlgorithmClause().Match(body) is { Success: true } a ? a.Groups[1].Value : null;
        var secretText = SecretClause().Match(body) is { Success: true } s ? s.Groups[1].Value : null;
        if (algorithmName is null || !Algorithms.TryGetValue(algorithmName, out var algorithm))
        {
            return (null, $"--dns-tsig-key '{path}': key \"{name}\" has {(algorithmName is null ? "no algorithm" : $"algorithm '{algorithmName}', which meshd does not support")}; use one of {string.Join(", ", Algorithms.Keys.Where(k => !k.Contains(".sig-alg", StringComparison.Ordinal)))} (hmac-sha256 is the usual one).");
        }

        byte[] secret;
        try
        {
            secret = secretText is null ? [] : Convert.FromBase64String(secretText);
        }
        catch (FormatException)
        {
            secret = [];
        }

        return secret.Length == 0
            ? (null, $"--dns-tsig-key '{path}': key \"{name}\" has no valid secret; it must be base64 in quotes, such as secret \"…\"; (regenerate the file with `tsig-keygen`).")
            : (new TsigKey(name, algorithmName.ToLowerInvariant(), algorithm, secret), null);
    }

    /// <summary>Comments (#, //, /* */), or a quoted string, which is kept as it is: a base64 secret may hold "//".</summary>
    [GeneratedRegex(@"""[^""]*""|#[^\n]*|//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex(@"key\s+""?(?<name>[^""\s{]+)""?\s*\{(?<body>[^}]*)\}\s*;", RegexOptions.Singleline)]
    private static partial Regex KeyBlock();

    [GeneratedRegex(@"algorithm\s+""?([A-Za-z0-9.\-]+)""?\s*;")]
    private static partial Regex AlgorithmClause();

    [GeneratedRegex(@"secret\s+""([^""]*)""\s*;")]
    private static partial Regex SecretClause();
}
