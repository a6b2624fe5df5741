namespace Widemesh.Cli.Commands.Logs;

/// <summary>The <c>--json</c> shape of <c>mesh logs drain ls</c>.</summary>
internal sealed record DrainListOutput(string Environment, IReadOnlyList<DrainOutput> Items);
