namespace Widemesh.Cli.Output;

/// <summary>The <c>--json</c> shape of <c>mesh rack ls</c>.</summary>
internal sealed record RackListOutput(IReadOnlyList<RackOutput> Items);
