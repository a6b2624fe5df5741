using Widemesh.Cli.Commands.Deploy;

namespace Widemesh.Cli.Commands.Ps;

/// <summary><c>mesh ps --json</c>: the environment and its instances, sorted by rack, kind, name and index.</summary>
internal sealed record PsOutput(string Environment, IReadOnlyList<DeployInstanceOutput> Items);
