namespace Widemesh.Cli.Hcl;

internal sealed record HclBool(bool Value) : HclValue;
