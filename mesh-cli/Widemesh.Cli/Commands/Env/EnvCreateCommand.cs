using System.CommandLine;
using Widemesh.Cli.Configuration;
using Widemesh.Cli.Output;
using Widemesh.Cli.Workspace;
using Widemesh.Sdk.Client;

namespace Widemesh.Cli.Commands.Env;

/// <summary><c>mesh env create NAME [--rack R]</c>: writes <c>environment_NAME.tf</c> and applies it.</summary>
internal static class EnvCreateCommand
{
    public static Command Create(CliContext context, CommonOptions options)
    {
        var name = Arguments.Name("environment");
        var racks = Arguments.Racks(required: false);
        var command = new Command("create", "Create an environment: writes it into the workspace as HCL and applies it");
        command.Arguments.Add(name);
        command.Options.Add(racks);
        options.AddWorkspaceOptions(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var session = options.ReadSessionOptions(parseResult);
            return CommandRunner.RunAsync(context, session.Json, async token =>
            {
                var environmentName = parseResult.GetRequiredValue(name);
                using var workspace = await WorkspaceSession.OpenAsync(context, session, "env create", token);
                using var client = PlatformClientFactory.Create(workspace.Connection);

                var documents = WorkspaceDocuments.Load(workspace.Path);
                documents.EnsureParsed();
                if (documents.FindResource(WorkspaceLayout.EnvironmentType, environmentName) is { } existing)
                {
                    throw new CliException(
                        ExitCodes.Conflict,
                        $"Environment '{environmentName}' is already in the workspace ({existing.RelativePath}). Change it with 'mesh env update', or run 'mesh apply'.",
                        "name-taken");
                }

                await EnsureNameFreeAsync(client, environmentName, token);
                var chosen = await RackChoice.ResolveAsync(context, client, parseResult.GetValue(racks), session.Json, token);

                workspace.EnsureProviders();
                workspace.Files.Write(WorkspaceLayout.FileFor(WorkspaceLayout.EnvironmentType, environmentName), WorkspaceHcl.Environment(environmentName, chosen));
                var result = await workspace.ApplyAsync(token);

                var environment = await client.GetEnvironmentAsync(environmentName, token);
                var output = RunReport.Create("env create", workspace, result) with
                {
                    Environment = environment is null ? null : EnvironmentOutput.From(environment),
                };
                return RunReport.Write(
                    context,
                    session.Json,
                    output,
                    environment is null ? null : $"Environment '{environment.Name}' is {environment.Status} at {environment.Hostname} on {string.Join(", ", environment.Racks)}.");
            }, cancellationToken);
        });
        return command;
    }

    private static async Task EnsureNameFreeAsync(WidemeshClient client, string name, CancellationToken cancellationToken)
    {
        if (await client.GetEnvironmentAsync(name, cancellationToken) is { } mine)
        {
            throw new CliException(
                ExitCodes.Conflict,
                $"Environment '{name}' already exists in your account{(mine.ManagedBy is null ? string.Empty : $" (managed by {mine.ManagedBy})")}. "
                + "Bring it into this workspace with 'mesh export', or pick another name.",
                "name-taken");
        }

        var availability = await client.CheckEnvironmentNameAsync(name, cancellationToken);
        if (!availability.Available)
        {
            throw new CliException(
                ExitCodes.Conflict,
                availability.Problem ?? $"The environment name '{name}' is taken on the platform (names are unique across all accounts); pick another name.",
                "name-taken");
        }
    }
}
