using Widemesh.Sdk.Client;

namespace Widemesh.Cli.Workspace;

/// <summary>The errors of commands that need a resource to be in the workspace.</summary>
internal static class WorkspaceErrors
{
    /// <summary>Says whether the resource exists on the platform (then: export it) or nowhere.</summary>
    public static async Task<CliException> NotInWorkspaceAsync(WidemeshClient client, string kind, string name, CancellationToken cancellationToken)
    {
        var managedBy = kind == "environment"
            ? (await client.GetEnvironmentAsync(name, cancellationToken)) is { } environment ? environment.ManagedBy ?? "nobody" : null
            : (await client.GetRackAsync(name, cancellationToken)) is not null ? "nobody" : null;

        if (managedBy is null)
        {
            return new CliException(ExitCodes.NotFound, $"There is no {kind} '{name}' in your account. List them with 'mesh {(kind == "environment" ? "env" : "rack")} ls'.", "not-found");
        }

        var owner = managedBy == "nobody" ? string.Empty : $" It is managed by {managedBy}.";
        return new CliException(
            ExitCodes.NotFound,
            $"The {kind} '{name}' exists but is not in this workspace.{owner} Run 'mesh export' to bring it in (or pass --workspace to use the workspace that has it).",
            "not-in-workspace");
    }
}
