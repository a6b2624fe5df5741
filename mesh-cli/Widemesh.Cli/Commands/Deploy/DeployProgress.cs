using System.Text.Encodings.Web;
using System.Text.Json;
using Widemesh.Cli.Output;

namespace Widemesh.Cli.Commands.Deploy;

/// <summary>
/// What <c>mesh deploy</c> shows while it runs, all on stderr except with <c>--json</c>: a bold line per step; while
/// waiting, a spinner with the instance counts on a terminal, else a plain line each time the counts change. With
/// <c>--json</c>, NDJSON <see cref="DeployEvent"/>s on stdout.
/// </summary>
internal sealed class DeployProgress(CliContext context, string environment, bool json) : IDisposable
{
    private static readonly DeployJsonContext Json = new(new JsonSerializerOptions(DeployJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private readonly TerminalStyle _style = TerminalStyle.ForError(context);
    private ProgressIndicator? _spinner;
    private string? _lastSummary;

    public string Environment => environment;

    public void Step(string step, string message)
    {
        if (json)
        {
            Write(new DeployEvent { Event = "step", Environment = environment, Step = step, Message = message });
            return;
        }

        StopSpinner();
        context.Error.WriteLine(_style.Bold(message));
        context.Error.Flush();
    }

    public void Event(DeployEvent deployEvent)
    {
        if (json)
        {
            Write(deployEvent);
        }
        else if (deployEvent.Message is { } message)
        {
            StopSpinner();
            context.Error.WriteLine(message);
            context.Error.Flush();
        }
    }

    /// <summary>Reports the instances seen by the latest poll; <paramref name="summary"/> is the one-line text form.</summary>
    public void Instances(int ready, int expected, IReadOnlyList<DeployInstanceOutput> instances, string summary)
    {
        if (summary == _lastSummary)
        {
            return;
        }

        _lastSummary = summary;
        if (json)
        {
            Write(new DeployEvent { Event = "instances", Environment = environment, Ready = ready, Expected = expected, Instances = instances });
        }
        else if (context.ErrorIsTerminal)
        {
            _spinner ??= ProgressIndicator.Start(context, summary);
            _spinner.Update(summary);
        }
        else
        {
            context.Error.WriteLine(summary);
            context.Error.Flush();
        }
    }

    public void Dispose() => StopSpinner();

    private void StopSpinner()
    {
        _spinner?.Dispose();
        _spinner = null;
    }

    private void Write(DeployEvent deployEvent)
    {
        context.Out.WriteLine(JsonSerializer.Serialize(deployEvent, Json.DeployEvent));
        context.Out.Flush();
    }
}
