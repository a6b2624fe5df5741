using System.Diagnostics;

namespace Widemesh.Cli.Tests.Hcl;

/// <summary>Runs the real <c>terraform fmt -</c> when terraform is on PATH.</summary>
internal static class TerraformFmt
{
    public static string? Executable { get; } = Find();

    public static async Task<string> FormatAsync(string source, CancellationToken cancellationToken)
    {
        var (exitCode, output, error) = await RunAsync(source, cancellationToken);
        Assert.True(exitCode == 0, $"terraform fmt failed: {error}");
        return output;
    }

    /// <summary>Whether terraform fmt parses the source without syntax errors.</summary>
    public static async Task<bool> AcceptsAsync(string source, CancellationToken cancellationToken) =>
        (await RunAsync(source, cancellationToken)).ExitCode == 0;

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string source, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Executable!, ["fmt", "-no-color", "-"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["CHECKPOINT_DISABLE"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardInput.WriteAsync(source.AsMemory(), cancellationToken);
        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output, await error);
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "terraform"))
            .FirstOrDefault(File.Exists);
}
