namespace Widemesh.Testing.Terraform.Cty;

/// <summary>What is known about an unknown value (ext type 12 payload, protocol doc §3.4).</summary>
public sealed record CtyRefinement(
    bool? DefinitelyNotNull = null,
    string? StringPrefix = null,
    (CtyNumber Value, bool Inclusive)? LowerBound = null,
    (CtyNumber Value, bool Inclusive)? UpperBound = null,
    long? LengthLowerBound = null,
    long? LengthUpperBound = null)
{
    public bool IsEmpty => DefinitelyNotNull is null && StringPrefix is null && LowerBound is null && UpperBound is null
        && LengthLowerBound is null && LengthUpperBound is null;
}
