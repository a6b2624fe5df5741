using System.CommandLine;
using Widemesh.Cli.Configuration;
using Widemesh.Cli.Workspace;

namespace Widemesh.Cli.Commands.Env;

/// <summary><c>mesh env delete NAME</c>: removes the environment's block (and its file when nothing else is in it) and applies.</summary>
internal static class EnvDeleteCommand
{
    public static Command Create(CliContext context, CommonOptions options)
    {
        var name = Arguments.Name("environment");
        var command = new Command("delete", "Delete an environment with everything in it (its racks stay)");
        command.Aliases.Add("rm");
        command.Arguments.Add(name);
        options.AddWorkspaceOptions(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var session = options.ReadSessionOptions(parseResult);
            return CommandRunner.RunAsync(context, session.Json, async token =>
            {
                var environmentName = parseResult.GetRequiredValue(name);
                using var workspace = await WorkspaceSession.OpenAsync(context, session, "env delete", token);
                using var client = PlatformClientFactory.Create(workspace.Connection);

                var documents = WorkspaceDocuments.Load(workspace.Path);
                documents.EnsureParsed();
                var location = documents.FindResource(WorkspaceLayout.EnvironmentType, environmentName)
                    ?? throw await WorkspaceErrors.NotInWorkspaceAsync(client, "environment", environmentName, token);

                WorkspaceEdits.RemoveResource(workspace.Files, location);
                var result = await workspace.ApplyAsync(token);
                return RunReport.Write(context, session.Json, RunReport.Create("env delete", workspace, result), $"Environment '{environmentName}' is deleted.");
            }, cancellationToken);
        });
        return command;
    }
}
