namespace Widemesh.Provider.Cty;

/// <summary>A refinement bound on an unknown number.</summary>
internal sealed record CtyNumberBound(CtyNumber Value, bool Inclusive);
