using System.CommandLine;
using Widemesh.Cli.Commands.Apply;
using Widemesh.Cli.Commands.Deploy;
using Widemesh.Cli.Commands.Env;
using Widemesh.Cli.Commands.Export;
using Widemesh.Cli.Commands.Login;
using Widemesh.Cli.Commands.Logs;
using Widemesh.Cli.Commands.Plan;
using Widemesh.Cli.Commands.Ps;
using Widemesh.Cli.Commands.Rack;
using Widemesh.Cli.Commands.Version;

namespace Widemesh.Cli.Commands;

/// <summary>The command tree of <c>mesh</c>, and how one run parses and invokes it.</summary>
internal static class MeshCommand
{
    /// <summary>The root command (with help, version and the completion directive) and its subcommands.</summary>
    public static RootCommand Create(CliContext context)
    {
        var options = new CommonOptions();
        var root = new RootCommand("mesh: manage Widemesh environments and racks. Every change is written as HCL into a workspace and applied, so Terraform can take over.");
        root.Options.Add(options.Json);
        root.Subcommands.Add(EnvCommand.Create(context, options));
        root.Subcommands.Add(RackCommand.Create(context, options));
        root.Subcommands.Add(PlanCommand.Create(context, options));
        root.Subcommands.Add(ApplyCommand.Create(context, options));
        root.Subcommands.Add(ExportCommand.Create(context, options));
        root.Subcommands.Add(DeployCommand.Create(context, options));
        root.Subcommands.Add(PsCommand.Create(context, options));
        root.Subcommands.Add(LogsCommand.Create(context, options));
        root.Subcommands.Add(LoginCommand.Create(context, options));
        root.Subcommands.Add(VersionCommand.Create(context, options));
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; command-line mistakes end with <see cref="ExitCodes.Usage"/>.</summary>
    public static async Task<int> InvokeAsync(IReadOnlyList<string> args, CliContext context, CancellationToken cancellationToken)
    {
        var parseResult = Create(context).Parse(args);
        if (parseResult.Errors.Count > 0 && args.Contains("--json"))
        {
            var message = string.Join(" ", parseResult.Errors.Select(e => e.Message)) + " See 'mesh --help'.";
            return CommandRunner.Fail(context, json: true, "usage", message, ExitCodes.Usage);
        }

        var configuration = new InvocationConfiguration { Output = context.Out, Error = context.Error };
        var exitCode = await parseResult.InvokeAsync(configuration, cancellationToken);
        return parseResult.Errors.Count > 0 ? ExitCodes.Usage : exitCode;
    }
}
