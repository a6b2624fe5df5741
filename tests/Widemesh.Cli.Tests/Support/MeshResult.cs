using System.Text.Json.Nodes;

namespace Widemesh.Cli.Tests.Support;

/// <summary>How one mesh run ended: its exit code and what it wrote.</summary>
internal sealed record MeshResult(int ExitCode, string Out, string Error)
{
    /// <summary>Stdout parsed as JSON (for <c>--json</c> runs).</summary>
    public JsonNode Json => JsonNode.Parse(Out) ?? throw new InvalidOperationException("stdout is JSON null.");

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Error}";
}
