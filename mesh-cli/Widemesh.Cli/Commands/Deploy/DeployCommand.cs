using System.CommandLine;
using Widemesh.Sdk.Durations;
using Widemesh.Sdk.Naming;

namespace Widemesh.Cli.Commands.Deploy;

/// <summary>
/// <c>mesh deploy [DIR]</c>: reads <c>widemesh.hcl</c>, builds, creates the environment when it does not exist,
/// uploads the directory as a release, writes the stacks and services into the workspace HCL, applies, and
/// waits until every instance is ready.
/// </summary>
internal static class DeployCommand
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    public static Command Create(CliContext context, CommonOptions options)
    {
        var directory = new Argument<string?>("dir") { Description = "The application directory holding widemesh.hcl [default: the current directory]", Arity = ArgumentArity.ZeroOrOne };
        var env = new Option<string?>("--env", "-e") { Description = "The environment [default: environment in widemesh.hcl, else the directory's name]", HelpName = "name" };
        env.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } name && NameRules.Validate(name, "--env") is { } problem)
            {
                result.AddError(problem);
            }
        });
        var rack = new Option<string?>("--rack") { Description = "The rack a new environment runs on [default: rack in widemesh.hcl, else your only rack]", HelpName = "name" };
        rack.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } name && NameRules.Validate(name, "--rack") is { } problem)
            {
                result.AddError(problem);
            }
        });
        var noWait = new Option<bool>("--no-wait") { Description = "Return once the change is applied, without waiting for the instances" };
        var timeout = new Option<string?>("--timeout") { Description = "How long to wait for the instances to be ready, like 90s or 5m [default: 5m]", HelpName = "duration" };
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && !DurationParser.TryParse(text, out _, out var error))
            {
                result.AddError($"--timeout: {error}");
            }
        });

        var command = new Command("deploy", "Deploy the application in a directory (its widemesh.hcl): build, upload a release, apply, and wait until its instances are ready");
        command.Arguments.Add(directory);
        foreach (var option in new Option[] { env, rack, noWait, timeout })
        {
            command.Options.Add(option);
        }

        options.AddWorkspaceOptions(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var session = options.ReadSessionOptions(parseResult);
            var request = new DeployRequest(
                Path.GetFullPath(parseResult.GetValue(directory) ?? ".", context.CurrentDirectory),
                parseResult.GetValue(env),
                parseResult.GetValue(rack),
                !parseResult.GetValue(noWait),
                parseResult.GetValue(timeout) is { } text ? DurationParser.Parse(text) : DefaultTimeout,
                session);
            return CommandRunner.RunAsync(context, session.Json, token => new DeployRun(context, request).RunAsync(token), cancellationToken);
        });
        return command;
    }
}
