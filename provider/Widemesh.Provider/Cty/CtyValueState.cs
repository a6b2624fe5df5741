namespace Widemesh.Provider.Cty;

/// <summary>Null, unknown and known are three distinct states (never conflate null and unknown).</summary>
internal enum CtyValueState
{
    Known,
    Null,
    Unknown,
}
