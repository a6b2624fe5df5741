using Widemesh.Cli.Workspace;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Cli.Engine;

/// <summary>
/// Keeps workspaces from fighting over racks and environments: before applying, refuses (unless
/// forced) to change or delete one whose <c>managedBy</c> names another workspace; after applying,
/// records this workspace as the manager of the ones it created or changed.
/// </summary>
internal sealed class OwnershipGuard(WidemeshClient client, WorkspaceIdentity identity)
{
    /// <summary>Whether the guard covers resources of this type (<c>widemesh_rack</c>, <c>widemesh_environment</c>).</summary>
    public static bool Covers(string type) => type is WorkspaceLayout.RackType or WorkspaceLayout.EnvironmentType;

    public async Task CheckAsync(IEnumerable<PlannedChange> changes, bool force, CancellationToken cancellationToken)
    {
        if (force)
        {
            return;
        }

        foreach (var change in changes)
        {
            if (!Covers(change.Type) || change.Name is null || change.Action is ChangeAction.NoOp or ChangeAction.Create)
            {
                continue;
            }

            var managedBy = await ManagedByAsync(change.Type, change.Name, cancellationToken);
            var owner = WorkspaceIdentity.IdOf(managedBy);
            if (owner is not null && owner != identity.Id)
            {
                throw new CliException(
                    ExitCodes.Conflict,
                    $"{KindOf(change.Type)} '{change.Name}' is managed by another workspace ({managedBy}); this workspace is {identity.ManagedBy}. "
                    + "Change it from that workspace, or pass --force to take it over.",
                    "managed-elsewhere");
            }
        }
    }

    /// <summary>Records this workspace as the manager of each (type, platform name) that still exists.</summary>
    public async Task RecordAsync(IEnumerable<(string Type, string Name)> resources, CancellationToken cancellationToken)
    {
        foreach (var (type, name) in resources)
        {
            if (!Covers(type))
            {
                continue;
            }

            if (type == WorkspaceLayout.RackType)
            {
                var rack = await client.GetRackAsync(name, cancellationToken);
                if (rack is not null && rack.ManagedBy != identity.ManagedBy)
                {
                    await client.UpdateRackAsync(name, new UpdateRackRequest { ManagedBy = identity.ManagedBy }, null, cancellationToken);
                }

                continue;
            }

            var environment = await client.GetEnvironmentAsync(name, cancellationToken);
            if (environment is not null && environment.ManagedBy != identity.ManagedBy)
            {
                await client.UpdateEnvironmentAsync(name, new UpdateEnvironmentRequest { ManagedBy = identity.ManagedBy }, null, cancellationToken);
            }
        }
    }

    private async Task<string?> ManagedByAsync(string type, string name, CancellationToken cancellationToken) =>
        type == WorkspaceLayout.RackType
            ? (await client.GetRackAsync(name, cancellationToken))?.ManagedBy
            : (await client.GetEnvironmentAsync(name, cancellationToken))?.ManagedBy;

    private static string KindOf(string type) => type == WorkspaceLayout.RackType ? "Rack" : "Environment";
}
