namespace Widemesh.Cli.Workspace;

/// <summary>The workspace-related options of one command run.</summary>
internal sealed record WorkspaceSessionOptions(string? Workspace, string? Engine, bool Force, TimeSpan LockTimeout, bool Json);
