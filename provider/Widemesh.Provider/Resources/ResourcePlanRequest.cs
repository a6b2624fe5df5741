using Widemesh.Provider.Cty;

namespace Widemesh.Provider.Resources;

/// <summary>The decoded inputs of a create or update plan. <see cref="Prior"/> is null on create.</summary>
internal sealed record ResourcePlanRequest(CtyValue Prior, CtyValue Config, CtyValue Proposed)
{
    public bool IsCreate => Prior.IsNull;
}
