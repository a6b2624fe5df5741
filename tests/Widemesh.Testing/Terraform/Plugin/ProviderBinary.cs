using System.Diagnostics;

namespace Widemesh.Testing.Terraform.Plugin;

/// <summary>
/// The published NativeAOT provider executable. Uses WIDEMESH_PROVIDER_PATH when set; otherwise publishes
/// provider/Widemesh.Provider.Plugin to artifacts/provider-aot once per test run when the binary is missing or older
/// than the sources, under a file lock so parallel test classes and processes publish only once.
/// </summary>
public static class ProviderBinary
{
    public const string PathVariable = "WIDEMESH_PROVIDER_PATH";

    public const string ExecutableName = "terraform-provider-widemesh";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _path;

    public static async Task<string> GetPathAsync(CancellationToken cancellationToken)
    {
        if (_path is not null)
        {
            return _path;
        }

        await Gate.WaitAsync(cancellationToken);
        try
        {
            _path ??= await LocateOrPublishAsync(cancellationToken);
            return _path;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string> LocateOrPublishAsync(CancellationToken cancellationToken)
    {
        if (System.Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } given)
        {
            return File.Exists(given)
                ? Path.GetFullPath(given)
                : throw new FileNotFoundException($"{PathVariable} is set to {given}, which does not exist; unset it to publish the provider from source", given);
        }

        var root = RepositoryRoot.Find();
        var output = Path.Combine(root, "artifacts", "provider-aot");
        var binary = Path.Combine(output, ExecutableName);
        Directory.CreateDirectory(Path.Combine(root, "artifacts"));
        await using var fileLock = await AcquireLockAsync(Path.Combine(root, "artifacts", "provider-aot.lock"), cancellationToken);
        if (File.Exists(binary) && File.GetLastWriteTimeUtc(binary) >= NewestSourceTime(root))
        {
            return binary;
        }

        await PublishAsync(root, output, cancellationToken);
        if (!File.Exists(binary))
        {
            throw new FileNotFoundException($"dotnet publish succeeded but {binary} is missing", binary);
        }

        File.SetLastWriteTimeUtc(binary, DateTime.UtcNow);
        return binary;
    }

    private static DateTime NewestSourceTime(string root)
    {
        var newest = DateTime.MinValue;
        foreach (var folder in new[] { "provider", "sdk" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*", SearchOption.AllDirectories))
            {
                var extension = Path.GetExtension(file);
                if (extension is ".cs" or ".csproj" or ".proto" or ".txt" or ".json" && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                {
                    var time = File.GetLastWriteTimeUtc(file);
                    newest = time > newest ? time : newest;
                }
            }
        }

        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
        {
            var path = Path.Combine(root, file);
            if (File.Exists(path) && File.GetLastWriteTimeUtc(path) > newest)
            {
                newest = File.GetLastWriteTimeUtc(path);
            }
        }

        return newest;
    }

    private static async Task PublishAsync(string root, string output, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "publish", "provider/Widemesh.Provider.Plugin/Widemesh.Provider.Plugin.csproj", "-c", "Release", "-r", "linux-x64", "-o", output, "-nologo" })
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(name);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet publish");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            var log = (await stdout) + (await stderr);
            throw new InvalidOperationException($"dotnet publish of the provider failed with exit code {process.ExitCode}:\n{log[Math.Max(0, log.Length - 6000)..]}");
        }
    }

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(500, cancellationToken);
            }
        }
    }
}
