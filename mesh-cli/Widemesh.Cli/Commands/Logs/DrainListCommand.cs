using System.CommandLine;
using System.Globalization;
using Widemesh.Cli.Configuration;
using Widemesh.Cli.Output;
using Widemesh.Cli.Workspace;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Cli.Commands.Logs;

/// <summary><c>mesh logs drain ls [--env E]</c>: the environment's drains with their forwarding status, read from the platform API.</summary>
internal static class DrainListCommand
{
    public static Command Create(CliContext context, CommonOptions options, Option<string?> env)
    {
        var workspaceOption = options.Workspace;
        var command = new Command("ls", "List the environment's drains: where they forward, lines forwarded, whether connected, the last error");
        command.Aliases.Add("list");
        command.Options.Add(env);
        command.Options.Add(workspaceOption);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var json = parseResult.GetValue(options.Json);
            return CommandRunner.RunAsync(context, json, async token =>
            {
                using var client = PlatformClientFactory.Create(context);
                var environment = await LogsEnvironment.ResolveAsync(context, client, parseResult.GetValue(env), token);
                IReadOnlyList<Drain> drains;
                try
                {
                    drains = await client.ListDrainsAsync(environment.Name, token);
                }
                catch (WidemeshNotFoundException)
                {
                    throw await environment.NotFoundAsync(client, token);
                }

                var managed = DrainWorkspace.Managed(WorkspaceLocator.Resolve(context, parseResult.GetValue(workspaceOption)));
                var items = drains.Select(d => DrainOutput.From(d, managed.TryGetValue(d.Id, out var label) ? $"{DrainWorkspace.ResourceType}.{label}" : null)).ToList();
                if (json)
                {
                    JsonOutput.Write(context.Out, new DrainListOutput(environment.Name, items), DrainJsonContext.Relaxed.DrainListOutput);
                    return ExitCodes.Success;
                }

                if (items.Count == 0)
                {
                    context.Out.WriteLine($"Environment '{environment.Name}' has no drains. Add one with: mesh logs drain add syslog+tcp://HOST:PORT --env {environment.Name}");
                    return ExitCodes.Success;
                }

                var table = new TableWriter(["id", "url", "forwarded", "connected", "last error"]);
                foreach (var item in items)
                {
                    table.AddRow(
                        item.Id,
                        item.Url,
                        item.Forwarded.ToString(CultureInfo.InvariantCulture),
                        item.Connected ? "yes" : "no",
                        item.LastError is null ? "-" : $"{item.LastError} ({item.LastErrorAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}Z)");
                }

                table.WriteTo(context.Out, TerminalStyle.ForOut(context));
                return ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }
}
