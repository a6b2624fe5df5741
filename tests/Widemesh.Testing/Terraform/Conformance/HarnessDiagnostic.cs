namespace Widemesh.Testing.Terraform.Conformance;

/// <summary>A diagnostic returned by the provider, with its attribute path (empty when none).</summary>
public sealed record HarnessDiagnostic(DiagnosticSeverity Severity, string Summary, string Detail, IReadOnlyList<AttributePathStep> Path)
{
    public string PathText => AttributePaths.Format(Path);

    public override string ToString() => $"{Severity}: {Summary}{(Path.Count > 0 ? $" (at {PathText})" : "")}: {Detail}";
}
