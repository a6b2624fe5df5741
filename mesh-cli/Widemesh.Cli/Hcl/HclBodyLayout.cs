namespace Widemesh.Cli.Hcl;

/// <summary>How text added to a body is laid out: the indentation of its items and of its closing brace, and the line ending.</summary>
internal sealed record HclBodyLayout(string Indent, string OuterIndent, string LineEnding);
