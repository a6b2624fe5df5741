using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Cli.Commands.Env;

/// <summary>
/// Says why a new rack list would take an environment off a rack that DNS may still send traffic to: the list drops
/// the current last rack (resolvers answer its address until the TTL runs out), or it drops a rack while not every
/// resolver answers the last rack yet (some still answer another address). Resolvers that could not be asked are
/// reported through the warning callback, not refused on: nothing says they still point at the dropped rack.
/// Null when it is safe.
/// </summary>
internal static class EnvPropagationGuard
{
    public static async Task<string?> CheckAsync(WidemeshClient client, string name, IReadOnlyList<string> racks, IReadOnlyList<string> resolvers, Action<string> warn, CancellationToken cancellationToken)
    {
        var environment = await client.GetEnvironmentAsync(name, cancellationToken);
        if (environment is null)
        {
            return null;
        }

        var dropped = environment.Racks.Where(r => !racks.Contains(r, StringComparer.Ordinal)).ToList();
        if (dropped.Count == 0)
        {
            return null;
        }

        var what = dropped.Count == 1 ? $"rack '{dropped[0]}'" : $"racks {string.Join(", ", dropped.Select(r => $"'{r}'"))}";
        var safer = $"Move with 'mesh env migrate {name} --to {racks[^1]}' (or add the rack last first: --rack {string.Join(',', environment.Racks.Where(r => r != racks[^1]).Append(racks[^1]))}), or pass --force to drop it anyway.";
        if (dropped.Contains(environment.PrimaryRack, StringComparer.Ordinal))
        {
            return $"Dropping {what} from environment '{name}' now would take it off rack '{environment.PrimaryRack}', where DNS points: resolvers keep answering that address until the TTL runs out, and nothing would serve it. {safer}";
        }

        DnsPropagation propagation;
        try
        {
            propagation = await client.GetDnsPropagationAsync(name, resolvers, cancellationToken);
        }
        catch (WidemeshApiException exception)
        {
            return $"Dropping {what} from environment '{name}' needs DNS to answer rack '{environment.PrimaryRack}' everywhere first, and the platform could not say whether it does: {exception.Message} {safer}";
        }

        if (propagation.Propagated)
        {
            return null;
        }

        var lagging = propagation.Resolvers.Where(r => r.Answers.Count > 0 && !r.Matches).ToList();
        var unknown = propagation.Resolvers.Where(r => r.Answers.Count == 0 && r.Error is not null && !r.Error.StartsWith("NotExistentDomain", StringComparison.Ordinal)).ToList();
        if (lagging.Count == 0)
        {
            if (unknown.Count > 0)
            {
                warn($"could not ask {string.Join(", ", unknown.Select(r => $"{r.Resolver} ({r.Error})"))} whether DNS has moved to rack '{environment.PrimaryRack}'; no resolver that answered still points at {what}.");
            }

            return null;
        }

        var answers = lagging.Select(r => $"{r.Resolver} answers {string.Join(',', r.Answers)}{(r.Ttl is { } ttl ? $" for {ttl}s more" : string.Empty)}");
        return $"DNS has not moved to rack '{environment.PrimaryRack}' ({propagation.ExpectedAddress}) everywhere yet: {string.Join("; ", answers)}. "
            + $"Dropping {what} from environment '{name}' now would lose the traffic those resolvers still send there. Check with 'mesh env dns {name}'. {safer}";
    }
}
