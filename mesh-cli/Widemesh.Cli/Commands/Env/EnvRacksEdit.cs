using Widemesh.Cli.Engine;
using Widemesh.Cli.Workspace;
using Widemesh.Sdk.Client;

namespace Widemesh.Cli.Commands.Env;

/// <summary>
/// Sets the <c>racks</c> attribute of an environment's block in the workspace (comments, order and other
/// attributes stay byte for byte) and applies it: the one path by which <c>env update</c> and <c>env migrate</c>
/// change racks, so the HCL always describes where the environment runs.
/// </summary>
internal static class EnvRacksEdit
{
    /// <summary>Fails as <c>env update</c> would when the environment is not in the workspace, before anything changes.</summary>
    public static async Task EnsureInWorkspaceAsync(CliContext context, WorkspaceSessionOptions options, WidemeshClient client, string environmentName, CancellationToken cancellationToken)
    {
        var path = WorkspaceLocator.Resolve(context, options.Workspace);
        var documents = WorkspaceDocuments.Load(path);
        documents.EnsureParsed();
        if (documents.FindResource(WorkspaceLayout.EnvironmentType, environmentName) is null)
        {
            throw await WorkspaceErrors.NotInWorkspaceAsync(client, "environment", environmentName, cancellationToken);
        }
    }

    public static async Task<EngineResult> ApplyAsync(
        WorkspaceSession workspace, WidemeshClient client, string environmentName, IReadOnlyList<string> racks, CancellationToken cancellationToken)
    {
        var documents = WorkspaceDocuments.Load(workspace.Path);
        documents.EnsureParsed();
        var location = documents.FindResource(WorkspaceLayout.EnvironmentType, environmentName)
            ?? throw await WorkspaceErrors.NotInWorkspaceAsync(client, "environment", environmentName, cancellationToken);

        location.Block.Body.SetAttribute("racks", Hcl.HclValue.List(racks));
        workspace.Files.Write(location.RelativePath, location.File.ToFullString());
        return await workspace.ApplyAsync(cancellationToken);
    }
}
