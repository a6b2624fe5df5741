using System.CommandLine;
using Widemesh.Cli.Configuration;
using Widemesh.Cli.Output;
using Widemesh.Cli.Workspace;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Cli.Commands.Rack;

/// <summary><c>mesh rack create NAME [--provider local|aws --region R]</c>: writes <c>rack_NAME.tf</c> and applies it.</summary>
internal static class RackCreateCommand
{
    /// <summary>The schema attribute that holds the rack's provider.</summary>
    public const string ProviderAttribute = "rack_provider";

    public static Command Create(CliContext context, CommonOptions options)
    {
        var name = Arguments.Name("rack");
        var provider = new Option<string>("--provider")
        {
            Description = "Where the rack runs: local (this machine) or aws",
            DefaultValueFactory = _ => RackProviders.Local,
        };
        provider.AcceptOnlyFromAmong([.. RackProviders.All]);
        var region = new Option<string?>("--region") { Description = "The cloud region of an aws rack, such as eu-west-1" };

        var command = new Command("create", "Create a rack: writes it into the workspace as HCL and applies it");
        command.Arguments.Add(name);
        command.Options.Add(provider);
        command.Options.Add(region);
        options.AddWorkspaceOptions(command);
        command.Validators.Add(result =>
        {
            // Raw tokens: an invalid --provider already has its own error, and GetValue would throw on it.
            var chosen = result.GetResult(provider)?.Tokens.FirstOrDefault()?.Value ?? RackProviders.Local;
            var regionValue = result.GetResult(region)?.Tokens.FirstOrDefault()?.Value;
            if (chosen == RackProviders.Aws && string.IsNullOrWhiteSpace(regionValue))
            {
                result.AddError("--region is required with --provider aws: give the AWS region, such as --region eu-west-1.");
            }
            else if (chosen == RackProviders.Local && regionValue is not null)
            {
                result.AddError("--region applies only to cloud racks: drop it, or add --provider aws.");
            }
        });
        command.SetAction((parseResult, cancellationToken) =>
        {
            var session = options.ReadSessionOptions(parseResult);
            return CommandRunner.RunAsync(context, session.Json, async token =>
            {
                var rackName = parseResult.GetRequiredValue(name);
                using var workspace = await WorkspaceSession.OpenAsync(context, session, "rack create", token);
                using var client = PlatformClientFactory.Create(workspace.Connection);

                var documents = WorkspaceDocuments.Load(workspace.Path);
                documents.EnsureParsed();
                if (documents.FindResource(WorkspaceLayout.RackType, rackName) is { } existing)
                {
                    throw new CliException(ExitCodes.Conflict, $"Rack '{rackName}' is already in the workspace ({existing.RelativePath}); run 'mesh apply' if it is not created yet.", "name-taken");
                }

                if (await client.GetRackAsync(rackName, token) is not null)
                {
                    throw new CliException(
                        ExitCodes.Conflict,
                        $"Rack '{rackName}' already exists in your account (rack names are unique per account). Bring it into this workspace with 'mesh export', or pick another name.",
                        "name-taken");
                }

                workspace.EnsureProviders();
                workspace.Files.Write(
                    WorkspaceLayout.FileFor(WorkspaceLayout.RackType, rackName),
                    WorkspaceHcl.Rack(rackName, parseResult.GetValue(provider), parseResult.GetValue(region), ProviderAttribute));
                var result = await workspace.ApplyAsync(token);

                var rack = await client.GetRackAsync(rackName, token);
                var output = RunReport.Create("rack create", workspace, result) with { Rack = rack is null ? null : RackOutput.From(rack) };
                return RunReport.Write(context, session.Json, output, rack is null ? null : $"Rack '{rack.Name}' ({rack.Provider}{(rack.Region is null ? string.Empty : " " + rack.Region)}) is {rack.Status}.");
            }, cancellationToken);
        });
        return command;
    }
}
