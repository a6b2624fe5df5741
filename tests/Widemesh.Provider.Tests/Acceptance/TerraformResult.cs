namespace Widemesh.Provider.Tests.Acceptance;

/// <summary>What one terraform command printed and returned.</summary>
public sealed record TerraformResult(string Command, int ExitCode, string Stdout, string Stderr)
{
    public string Output => Stdout + Stderr;

    public override string ToString() => $"terraform {Command} → exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}
