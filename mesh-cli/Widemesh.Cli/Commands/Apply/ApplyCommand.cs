using System.CommandLine;

namespace Widemesh.Cli.Commands.Apply;

internal static class ApplyCommand
{
    public static Command Create(CliContext context, CommonOptions options)
    {
        var command = new Command("apply", "apply the workspace");
        _ = context;
        _ = options;
        return command;
    }
}
