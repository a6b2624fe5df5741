using System.CommandLine;
using Widemesh.Sdk.Naming;

namespace Widemesh.Cli.Commands.Logs;

/// <summary><c>mesh logs drain add|ls|rm</c>: forward an environment's logs to syslog servers.</summary>
internal static class LogsDrainCommand
{
    public static Command Create(CliContext context, CommonOptions options)
    {
        var command = new Command("drain", "Forward an environment's logs to syslog servers (RFC 5424 over TCP or TLS)");
        command.Subcommands.Add(DrainAddCommand.Create(context, options, EnvOption()));
        command.Subcommands.Add(DrainListCommand.Create(context, options, EnvOption()));
        command.Subcommands.Add(DrainRemoveCommand.Create(context, options));
        return command;
    }

    private static Option<string?> EnvOption()
    {
        var env = new Option<string?>("--env", "-e") { Description = "The environment [default: the one chosen with 'mesh env use', else your only one]", HelpName = "name" };
        env.Validators.Add(result =>
        {
            if (NameRules.Validate(result.GetValueOrDefault<string?>(), "--env") is { } problem)
            {
                result.AddError(problem);
            }
        });
        return env;
    }
}
