namespace Widemesh.Cli.Hcl;

/// <summary>Unwinds the parser to the nearest body item, which records the diagnostic and resynchronises.</summary>
internal sealed class HclParseException(HclDiagnostic diagnostic) : Exception(diagnostic.ToString())
{
    public HclDiagnostic Diagnostic { get; } = diagnostic;
}
