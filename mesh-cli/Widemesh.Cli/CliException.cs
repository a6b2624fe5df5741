namespace Widemesh.Cli;

/// <summary>A failure the user can act on: the message is shown as it is and the run ends with <see cref="ExitCode"/>.</summary>
internal sealed class CliException(int exitCode, string message, string code = "error") : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>A short stable slug for <c>--json</c> output, such as <c>not-found</c> or <c>locked</c>.</summary>
    public string Code { get; } = code;
}
