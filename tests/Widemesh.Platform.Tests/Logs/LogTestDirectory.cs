namespace Widemesh.Platform.Tests.Logs;

/// <summary>A temporary data directory for one test, removed afterwards.</summary>
internal sealed class LogTestDirectory : IDisposable
{
    public LogTestDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "widemesh-logs-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public long SizeOf(string environmentId)
    {
        var directory = System.IO.Path.Combine(Path, environmentId);
        return Directory.Exists(directory) ? Directory.EnumerateFiles(directory).Sum(file => new FileInfo(file).Length) : 0;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A follower of a killed child may still hold a file; the temp folder is cleaned by the OS later.
        }
    }
}
