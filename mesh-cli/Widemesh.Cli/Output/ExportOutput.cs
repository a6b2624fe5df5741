namespace Widemesh.Cli.Output;

/// <summary>The <c>--json</c> shape of <c>mesh export</c>: files written and the resource addresses given <c>import</c> blocks.</summary>
internal sealed record ExportOutput(string Workspace, IReadOnlyList<string> Files, IReadOnlyList<string> Imports);
