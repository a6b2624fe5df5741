using Widemesh.Provider.Cty;

namespace Widemesh.Provider.Resources;

/// <summary>A planned new state and the attribute paths whose change forces a replacement.</summary>
internal sealed record ResourcePlan(CtyValue Planned, IReadOnlyList<CtyPath> RequiresReplace);
