using System.Diagnostics;

namespace Widemesh.Cli.Tests.Hcl;

/// <summary>Runs the real <c>terraform fmt -</c> when terraform is on PATH.</summary>
internal static class TerraformFmt
{
    public static string? Executable { get; } = Find();

    public static async Task<string> FormatAsync(string source, CancellationToken cancellationToken)
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
        Assert.True(process.ExitCode == 0, $"terraform fmt failed: {await error}");
        return await output;
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "terraform"))
            .FirstOrDefault(File.Exists);
}
