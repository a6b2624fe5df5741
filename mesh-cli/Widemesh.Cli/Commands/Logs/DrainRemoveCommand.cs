using System.CommandLine;
using Widemesh.Cli.Configuration;
using Widemesh.Cli.Output;
using Widemesh.Cli.Workspace;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Cli.Commands.Logs;

/// <summary><c>mesh logs drain rm ID</c>: removes the drain's block from the workspace and applies, which deletes it.</summary>
internal static class DrainRemoveCommand
{
    public static Command Create(CliContext context, CommonOptions options)
    {
        var id = new Argument<string>("id") { Description = "The drain ID (drn_…), as 'mesh logs drain ls' shows it" };
        id.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is null || !value.StartsWith("drn_", StringComparison.Ordinal))
            {
                result.AddError($"'{value}' is not a drain ID: drain IDs start with drn_. List them with 'mesh logs drain ls'.");
            }
        });
        var command = new Command("rm", "Stop forwarding: removes the drain from the workspace and applies");
        command.Aliases.Add("delete");
        command.Arguments.Add(id);
        options.AddWorkspaceOptions(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var session = options.ReadSessionOptions(parseResult);
            return CommandRunner.RunAsync(context, session.Json, async token =>
            {
                var drainId = parseResult.GetRequiredValue(id);
                using var workspace = await WorkspaceSession.OpenAsync(context, session, "logs drain rm", token);
                using var client = PlatformClientFactory.Create(workspace.Connection);

                var documents = WorkspaceDocuments.Load(workspace.Path);
                documents.EnsureParsed();
                var location = DrainWorkspace.Managed(workspace.Path).TryGetValue(drainId, out var label)
                    ? documents.FindResource(DrainWorkspace.ResourceType, label)
                    : null;
                if (location is null)
                {
                    throw await NotInWorkspaceAsync(client, drainId, token);
                }

                var before = await FindAsync(client, location, drainId, token);
                WorkspaceEdits.RemoveResource(workspace.Files, location);
                var result = await workspace.ApplyAsync(token);
                var run = RunReport.Create("logs drain rm", workspace, result);
                if (session.Json)
                {
                    JsonOutput.Write(context.Out, DrainRunOutput.From(run, before is null ? null : DrainOutput.From(before, null)), DrainJsonContext.Relaxed.DrainRunOutput);
                    return ExitCodes.Success;
                }

                return RunReport.Write(context, json: false, run, $"Drain {drainId} is deleted{(before is null ? string.Empty : $"; the logs of '{before.Environment}' no longer go to {before.Url}")}.");
            }, cancellationToken);
        });
        return command;
    }

    private static async Task<Drain?> FindAsync(WidemeshClient client, ResourceLocation location, string id, CancellationToken cancellationToken)
    {
        var environment = location.Block.Body.FindAttribute("environment")?.ExpressionText?.Trim('"');
        if (environment is null)
        {
            return null;
        }

        try
        {
            return (await client.ListDrainsAsync(environment, cancellationToken)).FirstOrDefault(d => d.Id == id);
        }
        catch (WidemeshNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Says whether the drain exists on the platform (then: it is managed elsewhere) or nowhere.</summary>
    private static async Task<CliException> NotInWorkspaceAsync(WidemeshClient client, string id, CancellationToken cancellationToken)
    {
        foreach (var environment in await client.ListEnvironmentsAsync(cancellationToken))
        {
            if ((await client.ListDrainsAsync(environment.Name, cancellationToken)).Any(d => d.Id == id))
            {
                return new CliException(
                    ExitCodes.NotFound,
                    $"Drain {id} (environment '{environment.Name}') exists but is not in this workspace: it was made through the API or another workspace. "
                    + $"Remove it there, or adopt it here with an import block (to = {DrainWorkspace.ResourceType}.NAME, id = \"{environment.Name}/{id}\") and run 'mesh apply' first.",
                    "not-in-workspace");
            }
        }

        return new CliException(ExitCodes.NotFound, $"There is no drain {id} in your account. List drains with 'mesh logs drain ls --env NAME'.", "not-found");
    }
}
