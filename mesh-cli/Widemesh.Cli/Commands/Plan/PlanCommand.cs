using System.CommandLine;

namespace Widemesh.Cli.Commands.Plan;

internal static class PlanCommand
{
    public static Command Create(CliContext context, CommonOptions options)
    {
        var command = new Command("plan", "plan the workspace");
        _ = context;
        _ = options;
        return command;
    }
}
