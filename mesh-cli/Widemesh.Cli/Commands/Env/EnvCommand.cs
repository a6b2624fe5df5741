using System.CommandLine;

namespace Widemesh.Cli.Commands.Env;

/// <summary><c>mesh env</c>: the environment verbs.</summary>
internal static class EnvCommand
{
    public static Command Create(CliContext context, CommonOptions options)
    {
        var command = new Command("env", "Create, list, update, delete and choose environments");
        command.Subcommands.Add(EnvCreateCommand.Create(context, options));
        command.Subcommands.Add(EnvListCommand.Create(context, options));
        command.Subcommands.Add(EnvUpdateCommand.Create(context, options));
        command.Subcommands.Add(EnvDeleteCommand.Create(context, options));
        command.Subcommands.Add(EnvUseCommand.Create(context, options));
        command.Subcommands.Add(EnvDnsCommand.Create(context, options));
        command.Subcommands.Add(EnvMigrateCommand.Create(context, options));
        return command;
    }
}
