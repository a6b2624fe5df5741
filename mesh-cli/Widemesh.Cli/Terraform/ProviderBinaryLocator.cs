namespace Widemesh.Cli.Terraform;

/// <summary>
/// Finds the directory holding <c>terraform-provider-widemesh</c> for Terraform's <c>dev_overrides</c>:
/// <c>WIDEMESH_PROVIDER_PATH</c> (the binary or its directory) when set, else next to the <c>mesh</c>
/// executable, else <c>artifacts/provider-aot/</c> of a source checkout above the executable or the
/// current directory.
/// </summary>
internal static class ProviderBinaryLocator
{
    public const string ExecutableName = "terraform-provider-widemesh";

    public static string? FindDirectory(CliContext context)
    {
        var configured = context.GetVariable("WIDEMESH_PROVIDER_PATH");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var full = Path.GetFullPath(configured, context.CurrentDirectory);
            return Directory.Exists(full) ? full : Path.GetDirectoryName(full);
        }

        if (context.ExecutableDirectory is { } executableDirectory && File.Exists(Path.Combine(executableDirectory, ExecutableName)))
        {
            return executableDirectory;
        }

        foreach (var start in new[] { context.ExecutableDirectory, context.CurrentDirectory })
        {
            for (var directory = start; directory is not null; directory = Path.GetDirectoryName(directory))
            {
                var candidate = Path.Combine(directory, "artifacts", "provider-aot");
                if (File.Exists(Path.Combine(candidate, ExecutableName)))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
