namespace Widemesh.Cli.Tests.Support;

/// <summary>Throwaway data for tests.</summary>
internal static class Some
{
    /// <summary>A unique valid name such as <c>env-3f9a1c2b</c> (environment names are global on the platform).</summary>
    public static string Name(string prefix = "env") => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    public static string TempDirectory(string prefix = "mesh-test")
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}");
        Directory.CreateDirectory(path);
        return path;
    }
}
