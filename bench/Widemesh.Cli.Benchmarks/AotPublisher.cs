using System.Diagnostics;

namespace Widemesh.Cli.Benchmarks;

/// <summary>Publishes NativeAOT executables for the benchmark: mesh itself and an empty program as the baseline.</summary>
internal static class AotPublisher
{
    /// <summary><c>artifacts/aot/mesh</c> (what <c>./build.sh publish</c> makes) when it is newer than every source it is built from.</summary>
    public static string? FindFreshMesh(string root)
    {
        var binary = Path.Combine(root, "artifacts", "aot", "mesh");
        if (!File.Exists(binary))
        {
            return null;
        }

        var newestSource = new[] { "mesh-cli", "provider", "sdk" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.*", SearchOption.AllDirectories))
            .Where(file => file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".csproj", StringComparison.Ordinal) || file.EndsWith(".proto", StringComparison.Ordinal))
            .Select(File.GetLastWriteTimeUtc)
            .DefaultIfEmpty(DateTime.MinValue)
            .Max();
        return File.GetLastWriteTimeUtc(binary) >= newestSource ? binary : null;
    }

    public static async Task<string> PublishMeshAsync(string root, string output, CancellationToken cancellationToken)
    {
        await RunAsync("dotnet", ["publish", Path.Combine(root, "mesh-cli", "Widemesh.Cli"), "-c", "Release", "-r", "linux-x64", "-o", output, "-nologo", "-v", "quiet"], root, cancellationToken);
        return Path.Combine(output, "mesh");
    }

    /// <summary>An empty <c>return 0;</c> program published the same way, outside the repository's build props.</summary>
    public static async Task<string> PublishEmptyAsync(string output, CancellationToken cancellationToken)
    {
        var project = Path.Combine(Path.GetTempPath(), "widemesh-empty-aot");
        Directory.CreateDirectory(project);
        await File.WriteAllTextAsync(Path.Combine(project, "Program.cs"), "return 0;\n", cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(project, "empty.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <PublishAot>true</PublishAot>
                <InvariantGlobalization>true</InvariantGlobalization>
                <AssemblyName>empty</AssemblyName>
              </PropertyGroup>
            </Project>
            """, cancellationToken);
        await RunAsync("dotnet", ["publish", project, "-c", "Release", "-r", "linux-x64", "-o", output, "-nologo", "-v", "quiet"], project, cancellationToken);
        return Path.Combine(output, "empty");
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {file}.");
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}.");
        }
    }
}
