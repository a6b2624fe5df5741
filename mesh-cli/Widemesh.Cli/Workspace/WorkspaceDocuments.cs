using Widemesh.Cli.Hcl;

namespace Widemesh.Cli.Workspace;

/// <summary>The parsed <c>*.tf</c> files at the top of a workspace (Terraform reads no subdirectories either).</summary>
internal sealed class WorkspaceDocuments
{
    private WorkspaceDocuments(IReadOnlyList<(string RelativePath, HclFile File)> files)
    {
        Files = files;
    }

    public IReadOnlyList<(string RelativePath, HclFile File)> Files { get; }

    public static WorkspaceDocuments Load(string workspace)
    {
        var files = new List<(string, HclFile)>();
        if (Directory.Exists(workspace))
        {
            foreach (var path in Directory.EnumerateFiles(workspace, "*.tf").Order(StringComparer.Ordinal))
            {
                var relative = Path.GetFileName(path);
                var file = HclFile.Parse(File.ReadAllText(path), relative);
                files.Add((relative, file));
            }
        }

        return new WorkspaceDocuments(files);
    }

    /// <summary>Fails with every syntax error (as <c>file:line:col: message</c>) when a file does not parse.</summary>
    public void EnsureParsed()
    {
        var errors = Files.SelectMany(f => f.File.Errors).ToList();
        if (errors.Count > 0)
        {
            throw new CliException(
                ExitCodes.Workspace,
                "The workspace HCL has syntax errors:\n  " + string.Join("\n  ", errors.Take(10)) + "\nFix them, then run the command again.",
                "hcl-syntax");
        }
    }

    public ResourceLocation? FindResource(string type, string name)
    {
        foreach (var (relativePath, file) in Files)
        {
            foreach (var block in file.Body.FindBlocks("resource", type))
            {
                if (block.Labels.Count == 2 && (block.Labels[1] == name || block.Body.FindAttribute("name")?.ExpressionText == WorkspaceHcl.Quote(name)))
                {
                    return new ResourceLocation(relativePath, file, block);
                }
            }
        }

        return null;
    }

    /// <summary>Whether the workspace has a resource of <paramref name="type"/> for the platform name <paramref name="name"/>.</summary>
    public bool HasResource(string type, string name) => FindResource(type, name) is not null;
}
