using System.CommandLine;
using Widemesh.Cli.Configuration;
using Widemesh.Cli.Output;
using Widemesh.Cli.Workspace;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Cli.Commands.Logs;

/// <summary><c>mesh logs drain add URL [--env E]</c>: writes a <c>widemesh_log_drain</c> block into the workspace and applies it.</summary>
internal static class DrainAddCommand
{
    public static Command Create(CliContext context, CommonOptions options, Option<string?> env)
    {
        var url = new Argument<string>("url") { Description = "The syslog server: syslog+tcp://host:port, or syslog+tls://host:port for TLS" };
        url.Validators.Add(result =>
        {
            if (DrainUrlRules.Validate(result.GetValueOrDefault<string>(), "URL") is { } problem)
            {
                result.AddError(problem);
            }
        });
        var command = new Command("add", "Forward the environment's logs to a syslog server: writes the drain into the workspace as HCL and applies it");
        command.Arguments.Add(url);
        command.Options.Add(env);
        options.AddWorkspaceOptions(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var session = options.ReadSessionOptions(parseResult);
            return CommandRunner.RunAsync(context, session.Json, async token =>
            {
                var target = parseResult.GetRequiredValue(url);
                using var workspace = await WorkspaceSession.OpenAsync(context, session, "logs drain add", token);
                using var client = PlatformClientFactory.Create(workspace.Connection);
                var environment = await LogsEnvironment.ResolveAsync(context, client, parseResult.GetValue(env), token);
                if (await client.GetEnvironmentAsync(environment.Name, token) is null)
                {
                    throw await environment.NotFoundAsync(client, token);
                }

                var normalized = DrainUrlRules.TryNormalize(target);
                if ((await client.ListDrainsAsync(environment.Name, token)).FirstOrDefault(d => d.Url == normalized) is { } same)
                {
                    throw new CliException(
                        ExitCodes.Conflict,
                        $"Environment '{environment.Name}' already forwards its logs to {same.Url} (drain {same.Id}). See it with 'mesh logs drain ls --env {environment.Name}'.",
                        "drain-exists");
                }

                var label = DrainWorkspace.Label(environment.Name, target);
                var documents = WorkspaceDocuments.Load(workspace.Path);
                documents.EnsureParsed();
                if (documents.FindResource(DrainWorkspace.ResourceType, label) is { } existing)
                {
                    throw new CliException(
                        ExitCodes.Conflict,
                        $"The workspace already has {DrainWorkspace.ResourceType}.{label} ({existing.RelativePath}) for this server; run 'mesh apply' to create it, or remove it with 'mesh logs drain rm'.",
                        "drain-exists");
                }

                workspace.EnsureProviders();
                workspace.Files.Write(DrainWorkspace.FileFor(label), DrainWorkspace.Hcl(label, environment.Name, target));
                var result = await workspace.ApplyAsync(token);

                var id = DrainWorkspace.Managed(workspace.Path).FirstOrDefault(m => m.Value == label).Key;
                var drain = id is null ? null : (await client.ListDrainsAsync(environment.Name, token)).FirstOrDefault(d => d.Id == id);
                var run = RunReport.Create("logs drain add", workspace, result);
                if (session.Json)
                {
                    JsonOutput.Write(context.Out, DrainRunOutput.From(run, drain is null ? null : DrainOutput.From(drain, $"{DrainWorkspace.ResourceType}.{label}")), DrainJsonContext.Relaxed.DrainRunOutput);
                    return ExitCodes.Success;
                }

                return RunReport.Write(
                    context,
                    json: false,
                    run,
                    drain is null ? null : $"Drain {drain.Id} forwards the logs of '{environment.Name}' to {drain.Url} from now on.");
            }, cancellationToken);
        });
        return command;
    }
}
