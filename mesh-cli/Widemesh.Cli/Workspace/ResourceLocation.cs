using Widemesh.Cli.Hcl;

namespace Widemesh.Cli.Workspace;

/// <summary>Where a <c>resource</c> block sits: its file (relative to the workspace), the parsed file and the block.</summary>
internal sealed record ResourceLocation(string RelativePath, HclFile File, HclBlock Block);
