namespace Widemesh.Testing.Meshd;

/// <summary>Finds the built <c>meshd</c> apphost under the repository's <c>artifacts/</c> folder.</summary>
public static class MeshdExecutable
{
    /// <summary>Overrides the path of the meshd executable.</summary>
    public const string PathVariable = "WIDEMESH_MESHD_PATH";

    /// <summary>The meshd apphost of the given build configuration (<c>debug</c> unless said otherwise).</summary>
    public static string Find(string configuration = "debug")
    {
        var overridden = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(overridden))
        {
            return File.Exists(overridden)
                ? overridden
                : throw new FileNotFoundException($"{PathVariable} names '{overridden}', which does not exist.", overridden);
        }

        var root = FindRepositoryRoot();
        var path = Path.Combine(root, "artifacts", "bin", "Widemesh.Platform", configuration.ToLowerInvariant(), "meshd");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"meshd is not built at '{path}'. Build it with `dotnet build platform/Widemesh.Platform` "
                + "(test projects that use MeshdProcess should reference it so it is built first).",
                path);
    }

    public static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Widemesh.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No folder above '{AppContext.BaseDirectory}' holds Widemesh.sln.");
    }
}
