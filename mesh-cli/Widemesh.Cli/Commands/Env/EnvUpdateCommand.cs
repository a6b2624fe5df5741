using System.CommandLine;
using Widemesh.Cli.Configuration;
using Widemesh.Cli.Output;
using Widemesh.Cli.Workspace;

namespace Widemesh.Cli.Commands.Env;

/// <summary>
/// <c>mesh env update NAME --rack a,b</c>: changes only the <c>racks</c> attribute of the environment's
/// block (comments, order and other attributes stay byte for byte) and applies it.
/// </summary>
internal static class EnvUpdateCommand
{
    public static Command Create(CliContext context, CommonOptions options)
    {
        var name = Arguments.Name("environment");
        var racks = Arguments.Racks(required: true);
        var command = new Command("update", "Change the racks of an environment (order matters: the last rack is the primary, where DNS points)");
        command.Arguments.Add(name);
        command.Options.Add(racks);
        options.AddWorkspaceOptions(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var session = options.ReadSessionOptions(parseResult);
            return CommandRunner.RunAsync(context, session.Json, async token =>
            {
                var environmentName = parseResult.GetRequiredValue(name);
                using var workspace = await WorkspaceSession.OpenAsync(context, session, "env update", token);
                using var client = PlatformClientFactory.Create(workspace.Connection);

                var documents = WorkspaceDocuments.Load(workspace.Path);
                documents.EnsureParsed();
                var location = documents.FindResource(WorkspaceLayout.EnvironmentType, environmentName)
                    ?? throw await WorkspaceErrors.NotInWorkspaceAsync(client, "environment", environmentName, token);
                var chosen = await RackChoice.ResolveAsync(context, client, parseResult.GetRequiredValue(racks), session.Json, token);

                location.Block.Body.SetAttribute("racks", Hcl.HclValue.List(chosen));
                workspace.Files.Write(location.RelativePath, location.File.ToFullString());
                var result = await workspace.ApplyAsync(token);

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
