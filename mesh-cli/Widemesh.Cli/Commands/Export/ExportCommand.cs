using System.CommandLine;
using Widemesh.Cli.Commands.Logs;
using Widemesh.Cli.Configuration;
using Widemesh.Cli.Deploy;
using Widemesh.Cli.Output;
using Widemesh.Cli.Workspace;

namespace Widemesh.Cli.Commands.Export;

/// <summary>
/// <c>mesh export</c>: writes a file with the resource and an <c>import</c> block for every rack, environment (with
/// its release, stacks and services) and log drain of the account that the workspace lacks, so the next plan imports
/// them and changes nothing. Environments another workspace manages, and their drains, are left out unless <c>--force</c>.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context, CommonOptions options)
    {
        var command = new Command("export", "Write HCL with import blocks for the racks, environments and log drains this workspace does not have yet");
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

                var exported = new List<string>();
                foreach (var environment in await client.ListEnvironmentsAsync(token))
                {
                    if (documents.HasResource(WorkspaceLayout.EnvironmentType, environment.Name))
                    {
                        exported.Add(environment.Name);
                        continue;
                    }

                    var owner = WorkspaceIdentity.IdOf(environment.ManagedBy);
                    if (owner is not null && owner != workspace.Identity.Id && !session.Force)
                    {
                        skipped.Add($"{environment.Name} (managed by {environment.ManagedBy})");
                        continue;
                    }

                    // The workloads and release go in too: without them the plan after the import would stop them all.
                    var file = WorkspaceLayout.FileFor(WorkspaceLayout.EnvironmentType, environment.Name);
                    var hcl = WorkspaceHcl.Environment(environment.Name, environment.Racks, body => WorkloadHcl.Build(body, environment.Release, environment.Stacks, environment.Services));
                    workspace.Files.Write(file, hcl + "\n" + WorkspaceHcl.Import(WorkspaceLayout.EnvironmentType, environment.Name));
                    imports.Add($"{WorkspaceLayout.EnvironmentType}.{environment.Name}");
                    exported.Add(environment.Name);
                }

                // Log drains of the environments this workspace has or now adopts, unless its state has them already.
                var managedDrains = DrainWorkspace.Managed(workspace.Path);
                foreach (var environment in exported)
                {
                    foreach (var drain in await client.ListDrainsAsync(environment, token))
                    {
                        var label = DrainWorkspace.Label(environment, drain.Url);
                        if (managedDrains.ContainsKey(drain.Id) || documents.HasResource(DrainWorkspace.ResourceType, label))
                        {
                            continue;
                        }

                        workspace.Files.Write(
                            DrainWorkspace.FileFor(label),
                            DrainWorkspace.Hcl(label, environment, drain.Url) + "\n" + WorkspaceHcl.Import(DrainWorkspace.ResourceType, label, $"{environment}/{drain.Id}"));
                        imports.Add($"{DrainWorkspace.ResourceType}.{label}");
                    }
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
                    ? $"The workspace {workspace.Path} already has every rack, environment and log drain of your account."
                    : $"Wrote {workspace.Files.Changed.Count} file(s) to {workspace.Path} with import blocks for {string.Join(", ", imports)}.\nRun 'mesh apply' (or 'terraform apply' there) to adopt them; nothing on the platform changes.");
                return ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }
}
