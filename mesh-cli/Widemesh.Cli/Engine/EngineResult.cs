using Widemesh.Cli.Output;

namespace Widemesh.Cli.Engine;

/// <summary>What an engine planned and whether it applied it.</summary>
internal sealed record EngineResult(string Engine, ChangeSummary Changes, IReadOnlyList<ResourceChangeOutput> ResourceChanges, bool Applied);
