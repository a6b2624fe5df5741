using System.CommandLine;

namespace Widemesh.Cli.Commands.Export;

internal static class ExportCommand
{
    public static Command Create(CliContext context, CommonOptions options)
    {
        var command = new Command("export", "export the workspace");
        _ = context;
        _ = options;
        return command;
    }
}
