namespace Widemesh.Cli.Workspace;

/// <summary>
/// Where things live in a workspace: <c>providers.tf</c> (terraform and provider blocks), one
/// <c>&lt;kind&gt;_&lt;name&gt;.tf</c> per resource, <c>terraform.tfstate</c>, and mesh's own
/// <c>.mesh/</c> folder (workspace id, lock, generated Terraform CLI config).
/// </summary>
internal static class WorkspaceLayout
{
    public const string MeshDirectory = ".mesh";
    public const string ProvidersFile = "providers.tf";
    public const string RackType = "widemesh_rack";
    public const string EnvironmentType = "widemesh_environment";

    public static string FileFor(string resourceType, string name) => resourceType switch
    {
        RackType => $"rack_{name}.tf",
        EnvironmentType => $"environment_{name}.tf",
        _ => throw new ArgumentOutOfRangeException(nameof(resourceType), resourceType, "Only widemesh_rack and widemesh_environment have files of their own."),
    };

}
