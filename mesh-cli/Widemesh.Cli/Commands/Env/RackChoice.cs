using Widemesh.Sdk.Client;

namespace Widemesh.Cli.Commands.Env;

/// <summary>
/// Checks the racks an environment should run on against the account's racks, naming the choices
/// when one is unknown; with none given, takes the only rack, or the first by name (and says so).
/// </summary>
internal static class RackChoice
{
    public static async Task<IReadOnlyList<string>> ResolveAsync(CliContext context, WidemeshClient client, IReadOnlyList<string>? requested, bool quiet, CancellationToken cancellationToken)
    {
        var racks = (await client.ListRacksAsync(cancellationToken)).Select(r => r.Name).ToList();
        if (requested is { Count: > 0 })
        {
            foreach (var rack in requested)
            {
                if (!racks.Contains(rack, StringComparer.Ordinal))
                {
                    var choices = racks.Count == 0 ? "you have no racks yet" : "your racks: " + string.Join(", ", racks);
                    throw new CliException(
                        ExitCodes.NotFound,
                        $"--rack: rack '{rack}' does not exist ({choices}). Create it with 'mesh rack create {rack}' or pick one of yours.",
                        "unknown-rack");
                }
            }

            return requested;
        }

        if (racks.Count == 0)
        {
            throw new CliException(ExitCodes.NotFound, "You have no racks yet, and an environment needs one: create it with 'mesh rack create NAME', then run this again.", "unknown-rack");
        }

        if (racks.Count > 1 && !quiet)
        {
            context.Error.WriteLine($"Using rack '{racks[0]}', the first of {string.Join(", ", racks)}; pass --rack to choose another.");
        }

        return [racks[0]];
    }
}
