using System.Security.Cryptography;
using System.Text;

namespace Widemesh.Platform.Racks.Local;

/// <summary>
/// Where local racks keep things. Files: <c>&lt;data&gt;/racks/&lt;rack id&gt;/envs/&lt;environment id&gt;/</c> holding
/// <c>release/&lt;release id&gt;/</c> (the unpacked release), <c>work/</c> (the working directory when there is no
/// release) and <c>pids/</c> (one file per running instance, so a later meshd can find what an earlier one left).
/// Network namespaces: <c>wm-&lt;8 hex of the data directory's SHA-256&gt;-&lt;environment&gt;.&lt;rack&gt;</c>, so
/// several meshd on one machine never touch each other's namespaces, and an operator can tell what each one is.
/// </summary>
internal sealed class LocalRackLayout(string dataDirectory)
{
    public string RacksDirectory { get; } = Path.Combine(dataDirectory, "racks");

    /// <summary>The prefix of every namespace of this data directory.</summary>
    public string NamespacePrefix { get; } =
        "wm-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory))))[..8] + "-";

    public string RackDirectory(string rackId) => Path.Combine(RacksDirectory, rackId);

    public string EnvironmentDirectory(string rackId, string environmentId) => Path.Combine(RackDirectory(rackId), "envs", environmentId);

    /// <summary>Environment names are unique on the platform and rack names within the account that owns both.</summary>
    public string NamespaceName(string environmentName, string rackName) => $"{NamespacePrefix}{environmentName}.{rackName}";
}
