using System.Diagnostics;
using Widemesh.Testing.Terraform.Plugin;

namespace Widemesh.Provider.Benchmarks;

/// <summary>Publishes (once) and runs the empty NativeAOT program the provider is compared with.</summary>
internal static class AotBaseline
{
    public static async Task<string> GetPathAsync(CancellationToken cancellationToken)
    {
        var root = RepositoryRoot.Find();
        var output = Path.Combine(root, "artifacts", "bench-baseline-aot");
        var binary = Path.Combine(output, "empty-aot-plugin");
        if (File.Exists(binary))
        {
            return binary;
        }

        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = root, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", "bench/Widemesh.Provider.Benchmarks.EmptyPlugin/Widemesh.Provider.Benchmarks.EmptyPlugin.csproj", "-c", "Release", "-r", "linux-x64", "-o", output, "-nologo" })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet publish");
        var log = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0 && File.Exists(binary)
            ? binary
            : throw new InvalidOperationException($"publishing the baseline failed:\n{await log}{await errors}");
    }

    /// <summary>Exec → first stdout line of the baseline.</summary>
    public static async Task<TimeSpan> TimeFirstLineAsync(string binary, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(binary) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardInput = true, RedirectStandardError = true };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {binary}");
        var line = await process.StandardOutput.ReadLineAsync(cancellationToken);
        var elapsed = clock.Elapsed;
        await process.WaitForExitAsync(cancellationToken);
        return line is null ? throw new InvalidOperationException("the baseline printed nothing") : elapsed;
    }
}
