namespace Widemesh.Testing.Terraform.Conformance;

public enum DiagnosticSeverity
{
    Invalid = 0,
    Error = 1,
    Warning = 2,
}
