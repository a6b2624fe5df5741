using System.CommandLine;
using Widemesh.Cli.Workspace;

namespace Widemesh.Cli.Commands.Plan;

/// <summary><c>mesh plan</c>: shows what applying the workspace would change, in Terraform's notation.</summary>
internal static class PlanCommand
{
    public static Command Create(CliContext context, CommonOptions options)
    {
        var detailed = new Option<bool>("--detailed-exitcode")
        {
            Description = "Exit with 10 when the plan has changes (0 when it has none), for scripts",
        };
        var command = new Command("plan", "Show what 'mesh apply' would change");
        command.Options.Add(detailed);
        options.AddWorkspaceOptions(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var session = options.ReadSessionOptions(parseResult);
            return CommandRunner.RunAsync(context, session.Json, async token =>
            {
                using var workspace = await WorkspaceSession.OpenAsync(context, session, "plan", token);
                var result = await workspace.PlanAsync(token);
                RunReport.Write(context, session.Json, RunReport.Create("plan", workspace, result), null);
                return parseResult.GetValue(detailed) && !result.Changes.IsEmpty ? ExitCodes.ChangesPending : ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }
}
