namespace Widemesh.Cli.Commands.Env;

/// <summary>The <c>mesh env use --json</c> document: the chosen environment and the file that records it.</summary>
internal sealed record EnvUseOutput(string Environment, string ConfigFile);
