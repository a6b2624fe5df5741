namespace Widemesh.Provider.Cty;

/// <summary>One step of a <see cref="CtyPath"/>.</summary>
internal abstract record CtyPathStep
{
    private CtyPathStep()
    {
    }

    public sealed record AttributeName(string Name) : CtyPathStep;

    public sealed record ElementIndex(long Index) : CtyPathStep;

    public sealed record ElementKey(string Key) : CtyPathStep;
}
