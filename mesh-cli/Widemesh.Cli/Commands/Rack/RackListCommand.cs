using System.CommandLine;
using Widemesh.Cli.Configuration;
using Widemesh.Cli.Output;

namespace Widemesh.Cli.Commands.Rack;

/// <summary><c>mesh rack ls</c>: the account's racks, read straight from the platform API.</summary>
internal static class RackListCommand
{
    public static Command Create(CliContext context, CommonOptions options)
    {
        var command = new Command("ls", "List the racks of your account");
        command.Aliases.Add("list");
        command.SetAction((parseResult, cancellationToken) =>
        {
            var json = parseResult.GetValue(options.Json);
            return CommandRunner.RunAsync(context, json, async token =>
            {
                using var client = PlatformClientFactory.Create(context);
                IReadOnlyList<Sdk.Contracts.Rack> racks;
                using (ProgressIndicator.Start(context, $"listing racks at {client.Endpoint}"))
                {
                    racks = await client.ListRacksAsync(token);
                }

                if (json)
                {
                    JsonOutput.Write(context.Out, new RackListOutput([.. racks.Select(RackOutput.From)]), JsonOutput.Context.RackListOutput);
                    return ExitCodes.Success;
                }

                if (racks.Count == 0)
                {
                    context.Out.WriteLine("No racks yet. Create one with: mesh rack create NAME");
                    return ExitCodes.Success;
                }

                var table = new TableWriter(["name", "provider", "region", "status"]);
                foreach (var rack in racks)
                {
                    table.AddRow(rack.Name, rack.Provider, rack.Region ?? "-", rack.Status);
                }

                table.WriteTo(context.Out, TerminalStyle.ForOut(context));
                return ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }
}
