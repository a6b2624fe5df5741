namespace Widemesh.Cli.Output;

/// <summary>The <c>--json</c> shape of <c>mesh version</c>.</summary>
internal sealed record VersionOutput(string Version, string Runtime, string Platform);
