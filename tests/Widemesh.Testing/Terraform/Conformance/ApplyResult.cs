namespace Widemesh.Testing.Terraform.Conformance;

/// <summary>The outcome of an apply: the new state (null after a destroy) and every diagnostic on the way.</summary>
public sealed record ApplyResult(ResourceState? State, IReadOnlyList<HarnessDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
