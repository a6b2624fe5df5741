using System.CommandLine;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Widemesh.Cli.Configuration;
using Widemesh.Sdk.Durations;
using Widemesh.Sdk.Naming;

namespace Widemesh.Cli.Commands.Env;

/// <summary>
/// <c>mesh env migrate NAME --to RACK [--timeout 24h] [--resolver IP[:port]]... [--yes] [--abort]</c>: moves an
/// environment to another rack in three recorded, resumable steps (see <see cref="EnvMigration"/>).
/// </summary>
internal static class EnvMigrateCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromHours(24);

    public static Command Create(CliContext context, CommonOptions options)
    {
        var name = Arguments.Name("environment");
        var to = new Option<string?>("--to")
        {
            Description = "The rack to move to: added last (DNS switches to it), then the old racks are removed once every resolver answers it",
            HelpName = "rack",
        };
        to.Validators.Add(result =>
        {
            if (NameRules.Validate(result.GetValueOrDefault<string?>(), "--to") is { } problem)
            {
                result.AddError(problem);
            }
        });
        var timeout = CreateTimeoutOption();
        var resolver = CreateResolverOption("A resolver that must answer the new rack, as IP or IP:port (repeatable) [default: meshd's authoritative server and the system's resolvers]");
        var yes = new Option<bool>("--yes", "-y") { Description = "Remove the old racks without asking once DNS has moved (needed without a terminal)" };
        var abort = new Option<bool>("--abort") { Description = "Undo the migration in progress: DNS back to the old rack first, then the new rack removed" };

        var command = new Command("migrate", "Move an environment to another rack without downtime: add it last, wait for DNS, remove the old racks (resumable)");
        command.Arguments.Add(name);
        command.Options.Add(to);
        command.Options.Add(timeout);
        command.Options.Add(resolver);
        command.Options.Add(yes);
        command.Options.Add(abort);
        options.AddWorkspaceOptions(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(to) is null && !result.GetValue(abort))
            {
                result.AddError("--to: say which rack to move to (mesh env migrate NAME --to RACK), or pass --abort to undo the migration in progress.");
            }
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var session = options.ReadSessionOptions(parseResult);
            var run = new EnvMigrateOptions(
                parseResult.GetRequiredValue(name),
                parseResult.GetValue(to),
                parseResult.GetValue(timeout) is { } text ? DurationParser.Parse(text) : DefaultTimeout,
                parseResult.GetValue(resolver) ?? [],
                parseResult.GetValue(yes),
                parseResult.GetValue(abort),
                session);

            // With --json every line of stdout is one event; an error document is written as one more line.
            var errors = new StringWriter();
            var exitCode = await CommandRunner.RunAsync(context with { Out = run.Json ? errors : context.Out }, run.Json, async token =>
            {
                using var client = PlatformClientFactory.Create(context);
                var progress = new EnvMigrateProgress(context, run.Environment, run.Json);
                try
                {
                    return await new EnvMigration(context, run, client, progress).RunAsync(token);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    progress.Note($"Interrupted: environment '{run.Environment}' keeps the racks it has now, and the migration stays recorded. Run the same command again to continue, or pass --abort to go back.");
                    throw;
                }
            }, cancellationToken);
            if (errors.ToString() is { Length: > 0 } document)
            {
                context.Out.WriteLine(OneLine(document));
                context.Out.Flush();
            }

            return exitCode;
        });
        return command;
    }

    /// <summary>The error document re-written on one line (an NDJSON line), keeping quotes readable as the other lines do.</summary>
    private static string OneLine(string document)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            (JsonNode.Parse(document) ?? throw new InvalidOperationException("The error document is JSON null.")).WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static Option<string?> CreateTimeoutOption()
    {
        var option = new Option<string?>("--timeout")
        {
            Description = "How long to wait for DNS before giving up (the environment stays on both racks; run again to keep waiting) [default: 24h]",
            HelpName = "duration",
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && !DurationParser.TryParse(text, out _, out var error))
            {
                result.AddError($"--timeout: {error}");
            }
        });
        return option;
    }

    /// <summary><c>--resolver IP[:port]</c> (repeatable), checked while parsing; <c>env update</c> takes it too.</summary>
    public static Option<string[]> CreateResolverOption(string description)
    {
        var option = new Option<string[]>("--resolver")
        {
            Description = description,
            HelpName = "ip[:port]",
            AllowMultipleArgumentsPerToken = false,
        };
        option.Validators.Add(result =>
        {
            foreach (var text in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!IPAddress.TryParse(text, out _) && !IPEndPoint.TryParse(text, out _))
                {
                    result.AddError($"--resolver: '{text}' is not an IP address with an optional port. Give one such as 127.0.0.1, 10.0.0.2:53 or [::1]:5353.");
                }
            }
        });
        return option;
    }
}
