namespace Widemesh.Cli.Hcl;

/// <summary>The value of an expression, or the first construct that kept it from being computed.</summary>
internal sealed record HclEvaluation(HclValue? Value, HclUnsupportedConstruct? Unsupported)
{
    public bool IsKnown => Value is not null;
}
