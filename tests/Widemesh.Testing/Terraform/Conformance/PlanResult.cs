using Widemesh.Testing.Terraform.Cty;

namespace Widemesh.Testing.Terraform.Conformance;

/// <summary>A checked PlanResourceChange answer and the action Terraform derives from it.</summary>
public sealed record PlanResult(
    PlannedAction Action,
    CtyValue Prior,
    CtyValue Config,
    CtyValue Proposed,
    CtyValue Planned,
    byte[] PlannedPrivate,
    IReadOnlyList<IReadOnlyList<AttributePathStep>> RequiresReplace,
    IReadOnlyList<HarnessDiagnostic> Diagnostics)
{
    /// <summary>For a replace: the second PlanResourceChange with a null prior (§4.4).</summary>
    public PlanResult? Replacement { get; init; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    public CtyValue this[string attribute] => Planned.GetAttribute(attribute);
}
