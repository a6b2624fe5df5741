using Widemesh.Cli.Output;

namespace Widemesh.Cli.Commands.Logs;

/// <summary>The <c>--json</c> shape of <c>mesh logs drain add|rm</c>: the run (as every workspace command reports it) and the drain.</summary>
internal sealed record DrainRunOutput
{
    public required string Command { get; init; }

    public required string Workspace { get; init; }

    public required string Engine { get; init; }

    public required bool Applied { get; init; }

    public required ChangeSummary Changes { get; init; }

    public IReadOnlyList<ResourceChangeOutput> ResourceChanges { get; init; } = [];

    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>The drain added (<c>add</c>) or removed (<c>rm</c>).</summary>
    public DrainOutput? Drain { get; init; }

    public static DrainRunOutput From(RunOutput run, DrainOutput? drain) => new()
    {
        Command = run.Command,
        Workspace = run.Workspace,
        Engine = run.Engine,
        Applied = run.Applied,
        Changes = run.Changes,
        ResourceChanges = run.ResourceChanges,
        Files = run.Files,
        Drain = drain,
    };
}
