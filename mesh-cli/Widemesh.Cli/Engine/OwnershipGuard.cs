using Widemesh.Cli.Workspace;
using Widemesh.Sdk.Client;

namespace Widemesh.Cli.Engine;

/// <summary>
/// Keeps workspaces from fighting over environments: before applying, refuses (unless forced) to
/// change an environment whose <c>managedBy</c> names another workspace; after applying, records this
/// workspace as the manager of the environments it created or changed.
/// </summary>
internal sealed class OwnershipGuard(WidemeshClient client, WorkspaceIdentity identity)
{
    public async Task CheckAsync(IEnumerable<PlannedChange> changes, bool force, CancellationToken cancellationToken)
    {
        if (force)
        {
            return;
        }

        foreach (var change in changes)
        {
            if (change.Type != WorkspaceLayout.EnvironmentType || change.Name is null || change.Action is ChangeAction.NoOp or ChangeAction.Create)
            {
                continue;
            }

            var environment = await client.GetEnvironmentAsync(change.Name, cancellationToken);
            var owner = WorkspaceIdentity.IdOf(environment?.ManagedBy);
            if (owner is not null && owner != identity.Id)
            {
                throw new CliException(
                    ExitCodes.Conflict,
                    $"Environment '{change.Name}' is managed by another workspace ({environment!.ManagedBy}); this workspace is {identity.ManagedBy}. "
                    + "Change it from that workspace, or pass --force to take it over.",
                    "managed-elsewhere");
            }
        }
    }

    public async Task RecordAsync(IEnumerable<string> environmentNames, CancellationToken cancellationToken)
    {
        foreach (var name in environmentNames)
        {
            var environment = await client.GetEnvironmentAsync(name, cancellationToken);
            if (environment is null || environment.ManagedBy == identity.ManagedBy)
            {
                continue;
            }

            await client.UpdateEnvironmentAsync(name, new Sdk.Contracts.UpdateEnvironmentRequest { ManagedBy = identity.ManagedBy }, null, cancellationToken);
        }
    }
}
