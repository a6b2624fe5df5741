using Widemesh.Cli.Hcl;

namespace Widemesh.Cli.Workspace;

/// <summary>Edits that touch only what they must: a resource's own file is removed, a shared file loses only that block.</summary>
internal static class WorkspaceEdits
{
    public static void RemoveResource(WorkspaceFiles files, ResourceLocation location)
    {
        var others = location.File.Body.Items.Where(item => !ReferenceEquals(item, location.Block) && !IsImportOf(item, location.Block));
        if (!others.Any())
        {
            files.Delete(location.RelativePath);
            return;
        }

        location.File.Body.RemoveBlock(location.Block);
        foreach (var import in location.File.Body.Blocks.Where(b => IsImportOf(b, location.Block)).ToList())
        {
            location.File.Body.RemoveBlock(import);
        }

        files.Write(location.RelativePath, location.File.ToFullString());
    }

    /// <summary>True for an <c>import</c> block whose <c>to</c> is this resource (as <c>mesh export</c> writes them).</summary>
    private static bool IsImportOf(HclBodyItem item, HclBlock resource) =>
        item is HclBlock { Type: "import" } import
        && resource.Labels.Count == 2
        && import.Body.FindAttribute("to")?.ExpressionText == $"{resource.Labels[0]}.{resource.Labels[1]}";
}
