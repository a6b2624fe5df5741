namespace Widemesh.Cli.Terraform;

/// <summary>How a terraform run ended and what it printed (stdout is empty when it was streamed).</summary>
internal sealed record TerraformProcessResult(int ExitCode, string Output, string Error);
