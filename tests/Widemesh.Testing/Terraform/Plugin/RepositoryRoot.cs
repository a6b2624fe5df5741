namespace Widemesh.Testing.Terraform.Plugin;

/// <summary>Finds the repository root (the folder holding Widemesh.sln) from the test binaries.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Widemesh.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Widemesh.sln above {AppContext.BaseDirectory}");
    }
}
