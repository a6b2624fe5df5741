namespace Widemesh.Cli.Output;

/// <summary>The <c>--json</c> shape of <c>mesh env ls</c>.</summary>
internal sealed record EnvironmentListOutput(IReadOnlyList<EnvironmentOutput> Items);
