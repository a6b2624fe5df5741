using System.Security.Cryptography;

namespace Widemesh.Cli.Workspace;

/// <summary>
/// The stable identity of a workspace, kept in <c>.mesh/workspace-id</c>. mesh records it on the
/// platform as the <c>managedBy</c> of what it applies (<c>ws_… host:/path</c>), and refuses to change
/// resources that another workspace manages.
/// </summary>
internal sealed record WorkspaceIdentity(string Id, string Description)
{
    private const string Prefix = "ws_";

    /// <summary>The <c>managedBy</c> value: the id, then where the workspace is, for people reading it.</summary>
    public string ManagedBy => $"{Id} {Description}";

    public static WorkspaceIdentity LoadOrCreate(string workspace)
    {
        var directory = Path.Combine(workspace, WorkspaceLayout.MeshDirectory);
        var path = Path.Combine(directory, "workspace-id");
        string id;
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } existing)
        {
            id = existing;
        }
        else
        {
            Directory.CreateDirectory(directory);
            id = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            File.WriteAllText(path, id + "\n");
        }

        return new WorkspaceIdentity(id, $"{System.Environment.MachineName}:{workspace}");
    }

    /// <summary>The workspace id inside a <c>managedBy</c> value, or null when another tool (or nobody) manages it.</summary>
    public static string? IdOf(string? managedBy)
    {
        if (managedBy is null || !managedBy.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var space = managedBy.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? managedBy : managedBy[..space];
    }
}
