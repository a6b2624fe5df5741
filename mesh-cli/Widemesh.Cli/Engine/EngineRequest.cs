using Widemesh.Cli.Configuration;
using Widemesh.Cli.Workspace;

namespace Widemesh.Cli.Engine;

/// <summary>What an engine is asked to do: plan (and apply, when <see cref="Apply"/>) the workspace.</summary>
internal sealed record EngineRequest(
    string Workspace,
    bool Apply,
    bool Quiet,
    bool Force,
    WorkspaceIdentity Identity,
    ConnectionSettings Connection);
