namespace Widemesh.Cli.Hcl;

internal sealed record HclNull : HclValue
{
    public static HclNull Instance { get; } = new();
}
