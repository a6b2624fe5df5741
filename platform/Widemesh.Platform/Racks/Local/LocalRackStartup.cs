using Widemesh.Platform.Store;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Racks.Local;

/// <summary>Starts local racks' environments with meshd (before the API answers) and stops their instances with it.</summary>
internal sealed class LocalRackStartup(LocalRackRuntime runtime, IPlatformStore store, IHostApplicationLifetime lifetime) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await runtime.StartAsync(await PlacementsAsync(cancellationToken), cancellationToken))
        {
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await runtime.DisposeAsync();

    private async Task<IReadOnlyList<LocalPlacement>> PlacementsAsync(CancellationToken cancellationToken)
    {
        var placements = new List<LocalPlacement>();
        foreach (var account in await store.ListAccountsAsync(cancellationToken))
        {
            var racks = (await store.ListRacksAsync(account.Id, cancellationToken))
                .Where(r => r.Provider == RackProviders.Local)
                .ToDictionary(r => r.Name, StringComparer.Ordinal);
            if (racks.Count == 0)
            {
                continue;
            }

            foreach (var environment in await store.ListEnvironmentsAsync(account.Id, cancellationToken))
            {
                placements.AddRange(environment.Racks.Where(racks.ContainsKey).Select(r => new LocalPlacement(racks[r], environment)));
            }
        }

        return placements;
    }
}
