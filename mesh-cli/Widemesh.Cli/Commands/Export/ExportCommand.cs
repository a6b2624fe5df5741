using System.CommandLine;
using Widemesh.Cli.Configuration;
using Widemesh.Cli.Output;
using Widemesh.Cli.Workspace;

namespace Widemesh.Cli.Commands.Export;

/// <summary>
/// <c>mesh export</c>: writes a file with the resource and an <c>import</c> block for every rack and
/// environment of the account that the workspace lacks, so the next plan imports them and changes nothing.
/// Environments another workspace manages are left out unless <c>--force</c>.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context, CommonOptions options)
    {
        var command = new Command("export", "Write HCL with import blocks for the platform resources this workspace does not have yet");
        options.AddWorkspaceOptions(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var session = options.ReadSessionOptions(parseResult);
            return CommandRunner.RunAsync(context, session.Json, async token =>
            {
                using var workspace = await WorkspaceSession.OpenAsync(context, session, "export", token);
                using var client = PlatformClientFactory.Create(workspace.Connection);
                var documents = WorkspaceDocuments.Load(workspace.Path);
                documents.EnsureParsed();

                var imports = new List<string>();
                var skipped = new List<string>();
                workspace.EnsureProviders();
                foreach (var rack in await client.ListRacksAsync(token))
                {
                    if (!documents.HasResource(WorkspaceLayout.RackType, rack.Name))
                    {
                        var file = WorkspaceLayout.FileFor(WorkspaceLayout.RackType, rack.Name);
                        workspace.Files.Write(file, WorkspaceHcl.Rack(rack.Name, rack.Provider, rack.Region, Rack.RackCreateCommand.ProviderAttribute) + "\n" + WorkspaceHcl.Import(WorkspaceLayout.RackType, rack.Name));
                        imports.Add($"{WorkspaceLayout.RackType}.{rack.Name}");
                    }
                }

                foreach (var environment in await client.ListEnvironmentsAsync(token))
                {
                    if (documents.HasResource(WorkspaceLayout.EnvironmentType, environment.Name))
                    {
                        continue;
                    }

                    var owner = WorkspaceIdentity.IdOf(environment.ManagedBy);
                    if (owner is not null && owner != workspace.Identity.Id && !session.Force)
                    {
                        skipped.Add($"{environment.Name} (managed by {environment.ManagedBy})");
                        continue;
                    }

                    var file = WorkspaceLayout.FileFor(WorkspaceLayout.EnvironmentType, environment.Name);
                    workspace.Files.Write(file, WorkspaceHcl.Environment(environment.Name, environment.Racks) + "\n" + WorkspaceHcl.Import(WorkspaceLayout.EnvironmentType, environment.Name));
                    imports.Add($"{WorkspaceLayout.EnvironmentType}.{environment.Name}");
                }

                if (session.Json)
                {
                    JsonOutput.Write(context.Out, new ExportOutput(workspace.Path, workspace.Files.Changed, imports), JsonOutput.Context.ExportOutput);
                    return ExitCodes.Success;
                }

                foreach (var item in skipped)
                {
                    context.Error.WriteLine($"Skipped environment {item}; pass --force to export it anyway.");
                }

                context.Out.WriteLine(imports.Count == 0
                    ? $"The workspace {workspace.Path} already has every rack and environment of your account."
                    : $"Wrote {workspace.Files.Changed.Count} file(s) to {workspace.Path} with import blocks for {string.Join(", ", imports)}.\nRun 'mesh apply' (or 'terraform apply' there) to adopt them; nothing on the platform changes.");
                return ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }
}
