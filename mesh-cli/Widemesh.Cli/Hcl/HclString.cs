namespace Widemesh.Cli.Hcl;

internal sealed record HclString(string Value) : HclValue;
