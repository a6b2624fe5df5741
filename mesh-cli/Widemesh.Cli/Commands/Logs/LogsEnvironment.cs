using Widemesh.Cli.Commands.Env;
using Widemesh.Sdk.Client;

namespace Widemesh.Cli.Commands.Logs;

/// <summary>
/// Which environment <c>mesh logs</c> reads: <c>--env</c>, else the one chosen with <c>mesh env use</c>, else the
/// account's only environment; otherwise an error that lists the choices.
/// </summary>
internal sealed record LogsEnvironment(string Name, string Source)
{
    public static async Task<LogsEnvironment> ResolveAsync(CliContext context, WidemeshClient client, string? given, CancellationToken cancellationToken)
    {
        if (given is not null)
        {
            return new LogsEnvironment(given, "--env");
        }

        if (new EnvUseStore(context).Load() is { } chosen)
        {
            return new LogsEnvironment(chosen, "mesh env use");
        }

        var names = await ListNamesAsync(client, cancellationToken);
        return names.Count switch
        {
            1 => new LogsEnvironment(names[0], "only environment"),
            0 => throw new CliException(ExitCodes.NotFound, "Your account has no environments yet: create one with 'mesh env create NAME'.", "not-found"),
            _ => throw new CliException(
                ExitCodes.Usage,
                $"Your account has several environments ({string.Join(", ", names)}): pick one with --env NAME, or make it the default with 'mesh env use NAME'.",
                "environment-required"),
        };
    }

    /// <summary>The error for an environment that does not exist, listing the ones that do.</summary>
    public async Task<CliException> NotFoundAsync(WidemeshClient client, CancellationToken cancellationToken)
    {
        var names = await ListNamesAsync(client, cancellationToken);
        var choices = names.Count == 0
            ? "Your account has no environments yet: create one with 'mesh env create NAME'."
            : $"Your environments: {string.Join(", ", names)}.";
        var fix = Source == "mesh env use" ? " Choose another with 'mesh env use NAME' or give --env NAME." : string.Empty;
        return new CliException(ExitCodes.NotFound, $"Environment '{Name}' (from {Source}) does not exist in your account. {choices}{fix}", "not-found");
    }

    private static async Task<List<string>> ListNamesAsync(WidemeshClient client, CancellationToken cancellationToken) =>
        [.. (await client.ListEnvironmentsAsync(cancellationToken)).Select(e => e.Name).Order(StringComparer.Ordinal)];
}
