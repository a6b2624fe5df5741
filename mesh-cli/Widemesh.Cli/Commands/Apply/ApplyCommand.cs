using System.CommandLine;
using Widemesh.Cli.Workspace;

namespace Widemesh.Cli.Commands.Apply;

/// <summary><c>mesh apply</c>: makes the platform match the workspace (no prompt: mesh is the approval).</summary>
internal static class ApplyCommand
{
    public static Command Create(CliContext context, CommonOptions options)
    {
        var command = new Command("apply", "Apply the workspace: create, update and delete what its HCL says");
        options.AddWorkspaceOptions(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var session = options.ReadSessionOptions(parseResult);
            return CommandRunner.RunAsync(context, session.Json, async token =>
            {
                using var workspace = await WorkspaceSession.OpenAsync(context, session, "apply", token);
                var result = await workspace.ApplyAsync(token);
                return RunReport.Write(context, session.Json, RunReport.Create("apply", workspace, result), null);
            }, cancellationToken);
        });
        return command;
    }
}
