namespace Widemesh.Cli.Hcl;

/// <summary>A syntax error at a 1-based line and column, printed as <c>file:line:col: message</c>.</summary>
internal sealed record HclDiagnostic(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
