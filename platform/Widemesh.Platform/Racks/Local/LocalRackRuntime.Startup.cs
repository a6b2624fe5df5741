using Widemesh.Platform.Configuration;

namespace Widemesh.Platform.Racks.Local;

/// <summary>Start-up: decide the isolation, clean what an earlier meshd left, and start every placed environment again.</summary>
internal sealed partial class LocalRackRuntime
{
    /// <summary>
    /// Probes network namespaces (unless <c>--isolation none</c>), kills whatever still runs in this data directory's
    /// namespaces and pid files, deletes those namespaces and the directories of environments that are gone, then
    /// starts every environment placed on a local rack from scratch. Returns false when meshd must not start.
    /// </summary>
    public async Task<bool> StartAsync(IReadOnlyList<LocalPlacement> placements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(placements);
        if (!await DecideIsolationAsync(cancellationToken))
        {
            return false;
        }

        var orphans = Mode == LocalIsolationMode.Netns ? await NetworkNamespaces.SweepOrphansAsync(cancellationToken) : 0;
        var namespaces = NetworkNamespaces.List(Layout.NamespacePrefix);
        var processes = 0;
        foreach (var name in namespaces)
        {
            processes += (await NetworkNamespaces.PidsAsync(name, cancellationToken)).Count;
            await NetworkNamespaces.DeleteAsync(name, cancellationToken);
        }

        processes += LocalProcesses.KillRecorded(Layout.RacksDirectory);

        var directories = DeleteStaleDirectories(placements);
        if (orphans + namespaces.Count + processes + directories > 0)
        {
            LocalRuntimeLog.CleanedUp(_logger, orphans + namespaces.Count, processes, directories);
        }

        foreach (var (rack, environment) in placements)
        {
            try
            {
                await PlaceEnvironmentAsync(rack, environment, cancellationToken);
            }
            catch (Exception exception) when (exception is IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                LocalRuntimeLog.RestoreFailed(_logger, exception, environment.Name, rack.Name);
            }
        }

        return true;
    }

    private async Task<bool> DecideIsolationAsync(CancellationToken cancellationToken)
    {
        if (_options.Isolation == RackIsolation.None)
        {
            Mode = LocalIsolationMode.None;
            LocalRuntimeLog.IsolationNone(_logger);
            return true;
        }

        UnavailableReason = await LocalIsolationProbe.FindProblemAsync(Layout.NamespacePrefix, cancellationToken);
        if (UnavailableReason is null)
        {
            Mode = LocalIsolationMode.Netns;
            _sockets = new NamespaceSockets(enabled: true);
            LocalRuntimeLog.IsolationNetns(_logger, Layout.NamespacePrefix);
            return true;
        }

        Mode = LocalIsolationMode.Unavailable;
        if (_options.Isolation == RackIsolation.Netns)
        {
            LocalRuntimeLog.IsolationRequired(_logger, UnavailableReason);
            return false;
        }

        LocalRuntimeLog.IsolationUnavailable(_logger, UnavailableReason);
        return true;
    }

    private int DeleteStaleDirectories(IReadOnlyList<LocalPlacement> placements)
    {
        if (!Directory.Exists(Layout.RacksDirectory))
        {
            return 0;
        }

        var wanted = placements.Select(p => Layout.EnvironmentDirectory(p.Rack.Id, p.Environment.Id)).ToHashSet(StringComparer.Ordinal);
        var racks = placements.Select(p => Layout.RackDirectory(p.Rack.Id)).ToHashSet(StringComparer.Ordinal);
        var deleted = 0;
        foreach (var rack in Directory.EnumerateDirectories(Layout.RacksDirectory))
        {
            var environments = Path.Combine(rack, "envs");
            if (Directory.Exists(environments))
            {
                foreach (var environment in Directory.EnumerateDirectories(environments).Where(d => !wanted.Contains(d)))
                {
                    Directory.Delete(environment, recursive: true);
                    deleted++;
                }
            }

            if (!racks.Contains(rack))
            {
                Directory.Delete(rack, recursive: true);
            }
        }

        return deleted;
    }
}
