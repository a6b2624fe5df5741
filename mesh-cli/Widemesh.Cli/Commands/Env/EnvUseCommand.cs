using System.CommandLine;
using Widemesh.Cli.Configuration;
using Widemesh.Cli.Output;

namespace Widemesh.Cli.Commands.Env;

/// <summary>
/// <c>mesh env use NAME</c>: checks that the environment exists in the account and records it as the default
/// environment of commands that take <c>--env</c> (<c>mesh logs</c>).
/// </summary>
internal static class EnvUseCommand
{
    public static Command Create(CliContext context, CommonOptions options)
    {
        var name = Arguments.Name("environment");
        var command = new Command("use", "Choose the environment that commands such as 'mesh logs' use when --env is not given");
        command.Arguments.Add(name);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var json = parseResult.GetValue(options.Json);
            return CommandRunner.RunAsync(context, json, async token =>
            {
                var environmentName = parseResult.GetRequiredValue(name);
                using var client = PlatformClientFactory.Create(context);
                if (await client.GetEnvironmentAsync(environmentName, token) is null)
                {
                    var names = (await client.ListEnvironmentsAsync(token)).Select(e => e.Name).Order(StringComparer.Ordinal).ToList();
                    var choices = names.Count == 0 ? "Your account has no environments yet: create one with 'mesh env create NAME'." : $"Your environments: {string.Join(", ", names)}.";
                    throw new CliException(ExitCodes.NotFound, $"Environment '{environmentName}' does not exist in your account. {choices}", "not-found");
                }

                var store = new EnvUseStore(context);
                store.Save(environmentName);
                if (json)
                {
                    JsonOutput.Write(context.Out, new EnvUseOutput(environmentName, store.FilePath), EnvUseJsonContext.Default.EnvUseOutput);
                }
                else
                {
                    context.Out.WriteLine($"Using environment '{environmentName}' (saved in {store.FilePath}); --env overrides it.");
                }

                return ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }
}
