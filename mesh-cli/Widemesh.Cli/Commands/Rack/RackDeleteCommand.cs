using System.CommandLine;
using Widemesh.Cli.Configuration;
using Widemesh.Cli.Workspace;

namespace Widemesh.Cli.Commands.Rack;

/// <summary><c>mesh rack delete NAME</c>: refused while environments run on the rack (naming them); else removes its block and applies.</summary>
internal static class RackDeleteCommand
{
    public static Command Create(CliContext context, CommonOptions options)
    {
        var name = Arguments.Name("rack");
        var command = new Command("delete", "Delete a rack that no environment uses any more");
        command.Aliases.Add("rm");
        command.Arguments.Add(name);
        options.AddWorkspaceOptions(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var session = options.ReadSessionOptions(parseResult);
            return CommandRunner.RunAsync(context, session.Json, async token =>
            {
                var rackName = parseResult.GetRequiredValue(name);
                using var workspace = await WorkspaceSession.OpenAsync(context, session, "rack delete", token);
                using var client = PlatformClientFactory.Create(workspace.Connection);

                var documents = WorkspaceDocuments.Load(workspace.Path);
                documents.EnsureParsed();
                var location = documents.FindResource(WorkspaceLayout.RackType, rackName)
                    ?? throw await WorkspaceErrors.NotInWorkspaceAsync(client, "rack", rackName, token);

                var users = (await client.ListEnvironmentsAsync(token)).Where(e => e.Racks.Contains(rackName, StringComparer.Ordinal)).Select(e => e.Name).ToList();
                if (users.Count > 0)
                {
                    throw new CliException(
                        ExitCodes.Conflict,
                        $"Rack '{rackName}' still hosts {string.Join(", ", users)}. Move them off first ('mesh env update NAME --rack OTHER') or delete them; a rack is never deleted with environments on it.",
                        "rack-in-use");
                }

                WorkspaceEdits.RemoveResource(workspace.Files, location);
                var result = await workspace.ApplyAsync(token);
                return RunReport.Write(context, session.Json, RunReport.Create("rack delete", workspace, result), $"Rack '{rackName}' is deleted.");
            }, cancellationToken);
        });
        return command;
    }
}
