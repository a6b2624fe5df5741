using System.CommandLine;

namespace Widemesh.Cli.Commands.Rack;

/// <summary><c>mesh rack</c>: the rack verbs.</summary>
internal static class RackCommand
{
    public static Command Create(CliContext context, CommonOptions options)
    {
        var command = new Command("rack", "Create, list and delete racks");
        command.Subcommands.Add(RackCreateCommand.Create(context, options));
        command.Subcommands.Add(RackListCommand.Create(context, options));
        command.Subcommands.Add(RackDeleteCommand.Create(context, options));
        return command;
    }
}
