using Widemesh.Cli.Hcl;

namespace Widemesh.Cli.Engine.Builtin;

/// <summary>A <c>resource</c> block of the workspace with its evaluated arguments.</summary>
internal sealed record ConfiguredResource(string Type, string Name, IReadOnlyDictionary<string, (HclValue Value, SourceLocation Location)> Arguments, SourceLocation Location)
{
    public string Address => $"{Type}.{Name}";
}
