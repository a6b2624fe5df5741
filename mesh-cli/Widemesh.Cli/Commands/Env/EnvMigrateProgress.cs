using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Widemesh.Cli.Output;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Cli.Commands.Env;

/// <summary>
/// What <c>mesh env migrate</c> shows while it runs: with <c>--json</c>, NDJSON events on stdout; on a terminal, a
/// block per resolver redrawn after each check; otherwise a line when the state changes and every
/// <see cref="QuietInterval"/>, so logs of a 24-hour wait stay short.
/// </summary>
internal sealed class EnvMigrateProgress(CliContext context, string environment, bool json)
{
    private static readonly TimeSpan QuietInterval = TimeSpan.FromSeconds(30);

    private static readonly EnvMigrateJsonContext Json = new(new JsonSerializerOptions(EnvMigrateJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private readonly TerminalStyle _style = TerminalStyle.ForError(context);
    private int _drawnLines;
    private string? _lastSummary;
    private DateTimeOffset _lastLineAt;

    public void Step(string step, IReadOnlyList<string> racks, string message)
    {
        if (json)
        {
            Write(new EnvMigrateEvent { Event = "step", Environment = environment, Step = step, Racks = racks, Message = message });
            return;
        }

        _drawnLines = 0;
        context.Error.WriteLine(_style.Bold(message));
        context.Error.Flush();
    }

    public void Note(string message)
    {
        if (json)
        {
            Write(new EnvMigrateEvent { Event = "note", Environment = environment, Message = message });
            return;
        }

        _drawnLines = 0;
        context.Error.WriteLine(message);
        context.Error.Flush();
    }

    public void Check(string rack, DnsPropagation propagation, TimeSpan ttlLeft)
    {
        var matching = propagation.Resolvers.Count(r => r.Matches);
        var ttlSeconds = (int)Math.Ceiling(Math.Max(0, ttlLeft.TotalSeconds));
        if (json)
        {
            Write(new EnvMigrateEvent
            {
                Event = "check",
                Environment = environment,
                To = rack,
                ExpectedAddress = propagation.ExpectedAddress,
                Propagated = propagation.Propagated,
                Matching = matching,
                TtlLeftSeconds = ttlSeconds,
                Resolvers = [.. propagation.Resolvers.Select(r => new EnvDnsResolverOutput(r.Resolver, r.Answers, r.Ttl, r.Matches, r.Error))],
            });
            return;
        }

        var summary = $"waiting for DNS: {Count(matching)} of {Count(propagation.Resolvers.Count)} resolvers answer {propagation.ExpectedAddress} ({rack}); "
            + (ttlSeconds > 0 ? $"old record's TTL runs out in {Seconds(ttlSeconds)}" : "old record's TTL has run out");
        if (context.ErrorIsTerminal)
        {
            Redraw(summary, propagation);
            return;
        }

        var now = context.Time.GetUtcNow();
        var state = $"{matching}/{propagation.Resolvers.Count}/{ttlSeconds > 0}";
        if (state == _lastSummary && now - _lastLineAt < QuietInterval)
        {
            return;
        }

        _lastSummary = state;
        _lastLineAt = now;
        var resolvers = string.Join(", ", propagation.Resolvers.Select(Describe));
        context.Error.WriteLine($"{summary}; {resolvers}");
        context.Error.Flush();
    }

    public void Finished(string @event, IReadOnlyList<string> racks, string message)
    {
        if (json)
        {
            Write(new EnvMigrateEvent { Event = @event, Environment = environment, Racks = racks, Message = message });
            return;
        }

        context.Out.WriteLine(TerminalStyle.ForOut(context).Bold(message));
        context.Out.Flush();
    }

    private void Redraw(string summary, DnsPropagation propagation)
    {
        var writer = context.Error;
        if (_drawnLines > 0)
        {
            writer.Write($"\u001b[{_drawnLines.ToString(CultureInfo.InvariantCulture)}A");
        }

        writer.Write("\u001b[0J");
        writer.WriteLine(summary);
        foreach (var answer in propagation.Resolvers)
        {
            var mark = answer.Matches ? _style.Green("ok ") : _style.Yellow("old");
            writer.WriteLine($"  {mark} {Describe(answer)}");
        }

        _drawnLines = 1 + propagation.Resolvers.Count;
        writer.Flush();
    }

    private static string Describe(ResolverAnswer answer)
    {
        var answers = answer.Answers.Count == 0 ? "no answer" : string.Join(',', answer.Answers);
        var ttl = answer.Ttl is { } seconds ? $" (ttl {Seconds(seconds)})" : string.Empty;
        var error = answer.Error is null ? string.Empty : $" [{answer.Error}]";
        return $"{answer.Resolver} {answers}{ttl}{error}";
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(int seconds) => seconds.ToString(CultureInfo.InvariantCulture) + "s";

    private void Write(EnvMigrateEvent value) => JsonOutput.Write(context.Out, value, Json.EnvMigrateEvent);
}
