namespace Widemesh.Cli.Workspace;

/// <summary>Finds the workspace directory: <c>--workspace</c>, then <c>WIDEMESH_WORKSPACE</c>, then <c>$XDG_DATA_HOME/widemesh/workspace</c> (<c>~/.local/share/widemesh/workspace</c>).</summary>
internal static class WorkspaceLocator
{
    public static string Resolve(CliContext context, string? option)
    {
        var chosen = !string.IsNullOrWhiteSpace(option) ? option : context.GetVariable("WIDEMESH_WORKSPACE");
        if (string.IsNullOrWhiteSpace(chosen))
        {
            var dataHome = context.GetVariable("XDG_DATA_HOME");
            if (string.IsNullOrEmpty(dataHome))
            {
                dataHome = Path.Combine(context.HomeDirectory, ".local", "share");
            }

            chosen = Path.Combine(dataHome, "widemesh", "workspace");
        }

        if (chosen.StartsWith('~'))
        {
            chosen = context.HomeDirectory + chosen[1..];
        }

        return Path.GetFullPath(chosen, context.CurrentDirectory);
    }
}
