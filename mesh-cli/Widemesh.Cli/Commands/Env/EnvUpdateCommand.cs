using System.CommandLine;
using Widemesh.Cli.Configuration;
using Widemesh.Cli.Output;
using Widemesh.Cli.Workspace;

namespace Widemesh.Cli.Commands.Env;

/// <summary>
/// <c>mesh env update NAME --rack a,b</c>: changes only the <c>racks</c> attribute of the environment's
/// block (comments, order and other attributes stay byte for byte) and applies it. Dropping a rack that DNS
/// may still point at (see <see cref="EnvPropagationGuard"/>) is refused unless <c>--force</c>.
/// </summary>
internal static class EnvUpdateCommand
{
    public static Command Create(CliContext context, CommonOptions options)
    {
        var name = Arguments.Name("environment");
        var racks = Arguments.Racks(required: true);
        var resolver = EnvMigrateCommand.CreateResolverOption(
            "When a rack is dropped: a resolver that must already answer the last rack, as IP or IP:port (repeatable) [default: meshd's authoritative server and the system's resolvers]");
        var command = new Command("update", "Change the racks of an environment (order matters: the last rack is the primary, where DNS points)");
        command.Arguments.Add(name);
        command.Options.Add(racks);
        command.Options.Add(resolver);
        options.AddWorkspaceOptions(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var session = options.ReadSessionOptions(parseResult);
            return CommandRunner.RunAsync(context, session.Json, async token =>
            {
                var environmentName = parseResult.GetRequiredValue(name);
                using var workspace = await WorkspaceSession.OpenAsync(context, session, "env update", token);
                using var client = PlatformClientFactory.Create(workspace.Connection);

                var chosen = await RackChoice.ResolveAsync(context, client, parseResult.GetRequiredValue(racks), session.Json, token);
                var style = TerminalStyle.ForError(context);
                void Warn(string message) => context.Error.WriteLine($"{style.Yellow("Warning:")} {message}");
                if (await EnvPropagationGuard.CheckAsync(client, environmentName, chosen, parseResult.GetValue(resolver) ?? [], Warn, token) is { } danger)
                {
                    if (!session.Force)
                    {
                        throw new CliException(ExitCodes.Conflict, danger, "not-propagated");
                    }

                    Warn($"{danger} Going ahead: --force.");
                }

                var result = await EnvRacksEdit.ApplyAsync(workspace, client, environmentName, chosen, token);

                var environment = await client.GetEnvironmentAsync(environmentName, token);
                var output = RunReport.Create("env update", workspace, result) with
                {
                    Environment = environment is null ? null : EnvironmentOutput.From(environment),
                };
                return RunReport.Write(
                    context,
                    session.Json,
                    output,
                    environment is null ? null : $"Environment '{environment.Name}' runs on {string.Join(", ", environment.Racks)}; DNS points at {environment.PrimaryRack}.");
            }, cancellationToken);
        });
        return command;
    }
}
