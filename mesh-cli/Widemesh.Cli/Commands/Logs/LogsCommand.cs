using System.CommandLine;
using Widemesh.Cli.Configuration;
using Widemesh.Cli.Output;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts.Logs;
using Widemesh.Sdk.Durations;
using Widemesh.Sdk.Naming;

namespace Widemesh.Cli.Commands.Logs;

/// <summary>
/// <c>mesh logs</c>: the environment's logs from <c>--since</c> (default one minute) on, then, unless
/// <c>--no-follow</c>, new lines as they arrive, across dropped connections. Ctrl-C ends a follow with exit code 0.
/// </summary>
internal static class LogsCommand
{
    private static readonly TimeSpan DefaultSince = TimeSpan.FromMinutes(1);

    public static Command Create(CliContext context, CommonOptions options)
    {
        var env = new Option<string?>("--env", "-e") { Description = "The environment [default: the one chosen with 'mesh env use', else your only one]", HelpName = "name" };
        env.Validators.Add(result =>
        {
            if (NameRules.Validate(result.GetValueOrDefault<string?>(), "--env") is { } problem)
            {
                result.AddError(problem);
            }
        });
        var since = new Option<string?>("--since") { Description = "How far back to start, like 30s, 15m, 1h or 1h30m [default: 1m]", HelpName = "duration" };
        since.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && !DurationParser.TryParse(text, out _, out var error))
            {
                result.AddError($"--since: {error}");
            }
        });
        var noFollow = new Option<bool>("--no-follow") { Description = "Print the lines kept so far and stop, instead of streaming new ones" };
        var stack = new Option<string?>("--stack") { Description = "Only lines of this stack", HelpName = "name" };
        var service = new Option<string?>("--service") { Description = "Only lines of this service", HelpName = "name" };
        var rack = new Option<string?>("--rack") { Description = "Only lines from this rack", HelpName = "name" };
        var instance = new Option<string?>("--instance") { Description = "Only lines of this instance", HelpName = "name" };
        var filter = new Option<string?>("--filter") { Description = "Only lines whose message contains this text (ignoring case)", HelpName = "text" };
        var utc = new Option<bool>("--utc") { Description = "Show times in UTC" };
        var local = new Option<bool>("--local") { Description = "Show times in the local time zone (the default)" };

        var command = new Command("logs", "Show an environment's logs from the last minute (or --since) and keep streaming new lines");
        foreach (var option in new Option[] { env, since, noFollow, stack, service, rack, instance, filter, utc, local })
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            if (result.GetValue(utc) && result.GetValue(local))
            {
                result.AddError("--utc and --local contradict each other: give one of them.");
            }
        });
        command.SetAction((parseResult, cancellationToken) =>
        {
            var json = parseResult.GetValue(options.Json);
            var sinceText = parseResult.GetValue(since);
            var query = new LogQueryOptions
            {
                Since = sinceText is null ? DefaultSince : DurationParser.Parse(sinceText),
                Stack = parseResult.GetValue(stack),
                Service = parseResult.GetValue(service),
                Rack = parseResult.GetValue(rack),
                Instance = parseResult.GetValue(instance),
                Filter = parseResult.GetValue(filter),
                Follow = !parseResult.GetValue(noFollow),
            };
            var zone = parseResult.GetValue(utc) ? null : context.Time.LocalTimeZone;
            return CommandRunner.RunAsync(
                context,
                json,
                token => RunAsync(context, json, parseResult.GetValue(env), query, sinceText is not null, zone, token),
                cancellationToken);
        });
        command.Subcommands.Add(LogsDrainCommand.Create(context, options));
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context, bool json, string? givenEnvironment, LogQueryOptions query, bool sinceGiven, TimeZoneInfo? zone, CancellationToken cancellationToken)
    {
        using var client = PlatformClientFactory.Create(context);
        var environment = await LogsEnvironment.ResolveAsync(context, client, givenEnvironment, cancellationToken);
        var writer = new LogLineWriter(context.Out, TerminalStyle.ForOut(context), json, zone);
        var errorStyle = TerminalStyle.ForError(context);
        var follower = new LogFollower(client, environment.Name, query, context.Time)
        {
            Opened = stream =>
            {
                if (sinceGiven && OldestNote(stream.Since, stream.Oldest, stream.Dropped, query.Since!.Value) is { } note)
                {
                    context.Error.WriteLine(errorStyle.Yellow("Note:") + " " + note);
                    context.Error.Flush();
                }
            },
            Note = note =>
            {
                writer.Flush();
                context.Error.WriteLine(errorStyle.Yellow("mesh:") + " " + note);
                context.Error.Flush();
            },
        };

        try
        {
            await using var lines = follower.ReadAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                // Lines go out in blocks while more are already there, and at once when mesh has to wait for the next.
                var next = lines.MoveNextAsync();
                if (!next.IsCompleted)
                {
                    writer.Flush();
                }

                if (!await next)
                {
                    break;
                }

                writer.Write(lines.Current);
            }
        }
        catch (WidemeshNotFoundException)
        {
            throw await environment.NotFoundAsync(client, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && query.Follow)
        {
            // Ctrl-C is how a follow ends: what was shown is complete, so this is a success.
        }

        writer.Flush();
        return ExitCodes.Success;
    }

    /// <summary>
    /// "oldest line is 38 minutes old" when <paramref name="since"/> reaches further back than the kept logs and
    /// retention really dropped older lines; a young environment whose first line is still kept gets no note.
    /// </summary>
    internal static string? OldestNote(DateTimeOffset? effectiveSince, DateTimeOffset? oldestKept, bool dropped, TimeSpan since)
    {
        if (effectiveSince is not { } start || !dropped)
        {
            return null;
        }

        if (oldestKept is not { } oldest)
        {
            return $"no lines are kept: every line was older than the logs kept (1 hour, 500 MB), and --since {DurationParser.Format(since)} finds none newer.";
        }

        if (oldest <= start)
        {
            return null;
        }

        var age = start + since - oldest;
        var words = age.TotalSeconds < 60
            ? Plural((int)Math.Max(0, age.TotalSeconds), "second")
            : age.TotalMinutes < 120 ? Plural((int)age.TotalMinutes, "minute") : Plural((int)age.TotalHours, "hour");
        return $"oldest line is {words} old; --since {DurationParser.Format(since)} reaches further back than the logs kept.";
    }

    private static string Plural(int count, string unit) => count == 1 ? $"1 {unit}" : $"{count} {unit}s";
}
