namespace Widemesh.Cli.Hcl;

/// <summary>A token or a node of the concrete syntax tree.</summary>
internal abstract record HclSyntaxElement;
