using System.CommandLine;
using System.CommandLine.Help;
using Widemesh.Cli.Commands.Apply;
using Widemesh.Cli.Commands.Env;
using Widemesh.Cli.Commands.Export;
using Widemesh.Cli.Commands.Login;
using Widemesh.Cli.Commands.Plan;
using Widemesh.Cli.Commands.Rack;
using Widemesh.Cli.Commands.Version;

namespace Widemesh.Cli.Commands;

/// <summary>The command tree of <c>mesh</c>, and how one run parses and invokes it.</summary>
internal static class MeshCommand
{
    /// <summary>
    /// The root is a plain command named <c>mesh</c> (a <see cref="RootCommand"/> would take the name of
    /// whatever process hosts it, such as a test runner), with the help and version options a root has.
    /// </summary>
    public static Command Create(CliContext context)
    {
        var options = new CommonOptions();
        var root = new Command("mesh", "mesh: manage Widemesh environments and racks. Every change is written as HCL into a workspace and applied, so Terraform can take over.");
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        root.Options.Add(options.Json);
        root.Subcommands.Add(EnvCommand.Create(context, options));
        root.Subcommands.Add(RackCommand.Create(context, options));
        root.Subcommands.Add(PlanCommand.Create(context, options));
        root.Subcommands.Add(ApplyCommand.Create(context, options));
        root.Subcommands.Add(ExportCommand.Create(context, options));
        root.Subcommands.Add(LoginCommand.Create(context, options));
        root.Subcommands.Add(VersionCommand.Create(context, options));
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; command-line mistakes end with <see cref="ExitCodes.Usage"/>.</summary>
    public static async Task<int> InvokeAsync(IReadOnlyList<string> args, CliContext context, CancellationToken cancellationToken)
    {
        var parseResult = Create(context).Parse(args);
        var configuration = new InvocationConfiguration { Output = context.Out, Error = context.Error };
        var exitCode = await parseResult.InvokeAsync(configuration, cancellationToken);
        return parseResult.Errors.Count > 0 ? ExitCodes.Usage : exitCode;
    }
}
