using Widemesh.Cli.Hcl;

namespace Widemesh.Cli.Engine.Builtin;

/// <summary>A nested block inside a resource (such as <c>stack { … }</c>) with its evaluated arguments and its own nested blocks.</summary>
internal sealed record ConfiguredBlock(
    string Type,
    IReadOnlyDictionary<string, (HclValue Value, SourceLocation Location)> Arguments,
    IReadOnlyList<ConfiguredBlock> Blocks,
    SourceLocation Location);
