namespace Widemesh.Provider.Cty;

/// <summary>
/// What is known about an unknown value (protocol doc §3.4): definitely not null, a string prefix,
/// number bounds, collection length bounds. Unknown refinement keys on the wire are ignored.
/// </summary>
internal sealed record CtyRefinements(
    bool NotNull = false,
    string? StringPrefix = null,
    CtyNumberBound? NumberLowerBound = null,
    CtyNumberBound? NumberUpperBound = null,
    long? LengthLowerBound = null,
    long? LengthUpperBound = null)
{
    public bool IsEmpty => !NotNull && StringPrefix is null && NumberLowerBound is null && NumberUpperBound is null
        && LengthLowerBound is null && LengthUpperBound is null;
}
