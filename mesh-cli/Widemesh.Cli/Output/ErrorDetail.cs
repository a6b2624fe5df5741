namespace Widemesh.Cli.Output;

/// <summary>What went wrong, for <see cref="ErrorOutput"/>.</summary>
internal sealed record ErrorDetail(string Code, string Message, int ExitCode, string? Field = null);
