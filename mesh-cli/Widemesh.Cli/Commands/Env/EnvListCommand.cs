using System.CommandLine;
using Widemesh.Cli.Configuration;
using Widemesh.Cli.Output;

namespace Widemesh.Cli.Commands.Env;

/// <summary><c>mesh env ls</c>: the account's environments, read straight from the platform API.</summary>
internal static class EnvListCommand
{
    public static Command Create(CliContext context, CommonOptions options)
    {
        var command = new Command("ls", "List the environments of your account with their racks and status");
        command.Aliases.Add("list");
        command.SetAction((parseResult, cancellationToken) =>
        {
            var json = parseResult.GetValue(options.Json);
            return CommandRunner.RunAsync(context, json, async token =>
            {
                using var client = PlatformClientFactory.Create(context);
                IReadOnlyList<Sdk.Contracts.EnvironmentInfo> environments;
                using (ProgressIndicator.Start(context, $"listing environments at {client.Endpoint}"))
                {
                    environments = await client.ListEnvironmentsAsync(token);
                }

                if (json)
                {
                    JsonOutput.Write(context.Out, new EnvironmentListOutput([.. environments.Select(EnvironmentOutput.From)]), JsonOutput.Context.EnvironmentListOutput);
                    return ExitCodes.Success;
                }

                if (environments.Count == 0)
                {
                    context.Out.WriteLine("No environments yet. Create one with: mesh env create NAME");
                    return ExitCodes.Success;
                }

                var table = new TableWriter(["name", "racks", "primary", "hostname", "status"]);
                foreach (var environment in environments)
                {
                    table.AddRow(environment.Name, string.Join(',', environment.Racks), environment.PrimaryRack, environment.Hostname, environment.Status);
                }

                table.WriteTo(context.Out, TerminalStyle.ForOut(context));
                return ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }
}
