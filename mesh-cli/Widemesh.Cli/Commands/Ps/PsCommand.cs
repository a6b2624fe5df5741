using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Widemesh.Cli.Commands.Deploy;
using Widemesh.Cli.Commands.Logs;
using Widemesh.Cli.Configuration;
using Widemesh.Cli.Output;
using Widemesh.Sdk.Naming;

namespace Widemesh.Cli.Commands.Ps;

/// <summary>
/// <c>mesh ps [--env NAME]</c>: the environment's instances per rack, with state, restarts, age and address
/// (the platform's view, straight from the API). The environment is chosen as <c>mesh logs</c> chooses it.
/// </summary>
internal static class PsCommand
{
    private static readonly PsJsonContext Json = new(new JsonSerializerOptions(PsJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static Command Create(CliContext context, CommonOptions options)
    {
        var env = new Option<string?>("--env", "-e") { Description = "The environment [default: the one chosen with 'mesh env use', else your only one]", HelpName = "name" };
        env.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } name && NameRules.Validate(name, "--env") is { } problem)
            {
                result.AddError(problem);
            }
        });
        var command = new Command("ps", "List an environment's instances per rack: state, restarts, age and address");
        command.Options.Add(env);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var json = parseResult.GetValue(options.Json);
            return CommandRunner.RunAsync(context, json, token => RunAsync(context, json, parseResult.GetValue(env), token), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, bool json, string? given, CancellationToken cancellationToken)
    {
        using var client = PlatformClientFactory.Create(new ConnectionResolver(context).Resolve());
        var environment = await LogsEnvironment.ResolveAsync(context, client, given, cancellationToken);
        if (await client.GetEnvironmentAsync(environment.Name, cancellationToken) is null)
        {
            throw new CliException(ExitCodes.NotFound, $"There is no environment '{environment.Name}' in your account ({environment.Source}). List them with 'mesh env ls'.", "not-found");
        }

        var instances = await client.ListInstancesAsync(environment.Name, cancellationToken);
        if (json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new PsOutput(environment.Name, [.. instances.Select(i => DeployInstanceOutput.From(i))]), Json.PsOutput));
            return ExitCodes.Success;
        }

        if (instances.Count == 0)
        {
            context.Out.WriteLine($"Environment '{environment.Name}' runs no instances. Deploy an application into it with 'mesh deploy --env {environment.Name}'.");
            return ExitCodes.Success;
        }

        var now = context.Time.GetUtcNow();
        var table = new TableWriter(["rack", "instance", "kind", "state", "restarts", "age", "address", "message"]);
        foreach (var instance in instances)
        {
            table.AddRow(
                instance.Rack,
                instance.Id,
                instance.Kind,
                instance.State,
                instance.Restarts.ToString(CultureInfo.InvariantCulture),
                instance.StartedAt is { } started ? Age(now - started) : "-",
                instance.Address ?? "-",
                instance.Message ?? string.Empty);
        }

        table.WriteTo(context.Out, TerminalStyle.ForOut(context));
        return ExitCodes.Success;
    }

    /// <summary>Like <c>docker ps</c>: the largest unit only (<c>42s</c>, <c>5m</c>, <c>3h</c>, <c>2d</c>).</summary>
    public static string Age(TimeSpan age) => age switch
    {
        { TotalSeconds: < 0 } => "0s",
        { TotalMinutes: < 1 } => $"{(int)age.TotalSeconds}s",
        { TotalHours: < 1 } => $"{(int)age.TotalMinutes}m",
        { TotalDays: < 1 } => $"{(int)age.TotalHours}h",
        _ => $"{(int)age.TotalDays}d",
    };
}
