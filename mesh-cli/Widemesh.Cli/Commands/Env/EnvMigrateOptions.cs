using Widemesh.Cli.Workspace;

namespace Widemesh.Cli.Commands.Env;

/// <summary>One run of <c>mesh env migrate</c>, as parsed and checked.</summary>
internal sealed record EnvMigrateOptions(
    string Environment,
    string? To,
    TimeSpan Timeout,
    IReadOnlyList<string> Resolvers,
    bool Yes,
    bool Abort,
    WorkspaceSessionOptions Session)
{
    public bool Json => Session.Json;
}
