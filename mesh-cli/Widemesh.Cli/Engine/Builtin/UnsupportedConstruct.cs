namespace Widemesh.Cli.Engine.Builtin;

/// <summary>Builds the refusal for a construct the built-in engine cannot evaluate.</summary>
internal static class UnsupportedConstruct
{
    public static CliException At(string construct, SourceLocation location) => new(
        ExitCodes.Workspace,
        $"{location}: the built-in engine cannot evaluate {construct}. Install Terraform (or OpenTofu) and run with "
        + "--engine terraform (--engine auto picks it up from PATH), which evaluates the whole language with the same provider.",
        "unsupported");

    public static CliException Invalid(string problem, SourceLocation location) => new(ExitCodes.Workspace, $"{location}: {problem}", "invalid-config");
}
