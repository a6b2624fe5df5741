using Widemesh.Cli.Workspace;

namespace Widemesh.Cli.Commands.Deploy;

/// <summary>The parsed command line of <c>mesh deploy</c>.</summary>
internal sealed record DeployRequest(
    string Directory,
    string? Environment,
    string? Rack,
    bool Wait,
    TimeSpan Timeout,
    WorkspaceSessionOptions Session);
