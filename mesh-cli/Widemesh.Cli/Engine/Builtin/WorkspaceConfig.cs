namespace Widemesh.Cli.Engine.Builtin;

/// <summary>What the built-in engine understood of the workspace: provider settings, resources and imports.</summary>
internal sealed record WorkspaceConfig(
    string? Endpoint,
    string? Token,
    IReadOnlyList<ConfiguredResource> Resources,
    IReadOnlyList<ConfiguredImport> Imports);
