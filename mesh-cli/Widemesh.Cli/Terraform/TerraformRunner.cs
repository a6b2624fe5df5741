using System.Diagnostics;
using System.Text;
using Widemesh.Cli.Configuration;

namespace Widemesh.Cli.Terraform;

/// <summary>
/// Runs <c>terraform</c>/<c>tofu</c> in the workspace with mesh's CLI config, no prompts, no
/// update checks, and the platform connection passed to the provider through its environment variables.
/// </summary>
internal sealed class TerraformRunner(CliContext context, TerraformBinary binary, string workspace, string cliConfigFile, ConnectionSettings connection)
{
    public TerraformBinary Binary => binary;

    /// <summary>Runs one command; when <paramref name="streamTo"/> is given its stdout is copied there line by line.</summary>
    public async Task<TerraformProcessResult> RunAsync(IReadOnlyList<string> arguments, TextWriter? streamTo, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(binary.Path)
        {
            WorkingDirectory = workspace,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["TF_CLI_CONFIG_FILE"] = cliConfigFile;
        start.Environment["CHECKPOINT_DISABLE"] = "1";
        start.Environment["TF_IN_AUTOMATION"] = "1";
        start.Environment["TF_INPUT"] = "0";
        start.Environment["WIDEMESH_ENDPOINT"] = connection.Endpoint.ToString();
        if (connection.Token is { } token)
        {
            start.Environment["WIDEMESH_TOKEN"] = token;
        }

        foreach (var name in (string[])["PATH", "HOME", "TF_LOG", "TF_LOG_PATH", "TF_LOG_PROVIDER", "TF_PLUGIN_CACHE_DIR", "TMPDIR"])
        {
            if (context.GetVariable(name) is { } value)
            {
                start.Environment[name] = value;
            }
        }

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            if (streamTo is not null)
            {
                lock (streamTo)
                {
                    streamTo.WriteLine(e.Data);
                }
            }
            else
            {
                output.AppendLine(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (error)
                {
                    error.AppendLine(e.Data);
                }
            }
        };

        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new CliException(ExitCodes.Failure, $"Cannot run {binary.Path}: {exception.Message}. Reinstall {binary.Name} or pass --engine builtin.", "terraform");
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        streamTo?.Flush();
        return new TerraformProcessResult(process.ExitCode, output.ToString(), error.ToString());
    }
}
