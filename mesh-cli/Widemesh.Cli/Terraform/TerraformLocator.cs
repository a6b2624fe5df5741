namespace Widemesh.Cli.Terraform;

/// <summary>Finds <c>terraform</c>, else <c>tofu</c>, on PATH.</summary>
internal static class TerraformLocator
{
    public static TerraformBinary? Find(CliContext context)
    {
        var path = context.GetVariable("PATH") ?? string.Empty;
        foreach (var name in (string[])["terraform", "tofu"])
        {
            foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(directory, OperatingSystem.IsWindows() ? name + ".exe" : name);
                if (File.Exists(candidate))
                {
                    return new TerraformBinary(candidate, name);
                }
            }
        }

        return null;
    }
}
