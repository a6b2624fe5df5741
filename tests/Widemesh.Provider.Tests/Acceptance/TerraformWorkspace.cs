using System.Diagnostics;
using Widemesh.Testing.Meshd;
using Widemesh.Testing.Terraform.Plugin;

namespace Widemesh.Provider.Tests.Acceptance;

/// <summary>
/// A temp directory with its own CLI config file whose filesystem mirror holds the freshly published provider as
/// registry.terraform.io/widemesh/widemesh; runs the real `terraform` (or `tofu`) offline against a real meshd, and
/// fails on any output Terraform prints when a provider breaks the protocol.
/// </summary>
public sealed class TerraformWorkspace : IDisposable
{
    public const string ProviderVersion = "0.1.0";

    private static readonly string[] Forbidden = ["Provider produced inconsistent", "invalid plan", "invalid result", "panic", "crash"];
    private static readonly SemaphoreSlim MirrorGate = new(1, 1);
    private static string? _mirror;

    private readonly string _terraform;
    private readonly MeshdProcess _meshd;
    private readonly string _cliConfig;

    private TerraformWorkspace(string terraform, string mirror, MeshdProcess meshd, bool devOverrides)
    {
        _terraform = terraform;
        _meshd = meshd;
        Directory = System.IO.Directory.CreateTempSubdirectory("widemesh-tf-").FullName;
        _cliConfig = Path.Combine(Directory, "terraform.rc");
        File.WriteAllText(_cliConfig, devOverrides
            ? $$"""
                provider_installation {
                  dev_overrides {
                    "registry.terraform.io/widemesh/widemesh" = "{{PackageDirectory(mirror)}}"
                  }
                  direct {
                    exclude = ["registry.terraform.io/widemesh/widemesh"]
                  }
                }
                """
            : $$"""
                provider_installation {
                  filesystem_mirror {
                    path    = "{{mirror}}"
                    include = ["registry.terraform.io/widemesh/widemesh"]
                  }
                  direct {
                    exclude = ["registry.terraform.io/widemesh/widemesh"]
                  }
                }
                """);
    }

    public string Directory { get; }

    /// <summary>`terraform`, else `tofu`, from PATH; null when neither is installed.</summary>
    public static string? FindTerraform()
    {
        foreach (var name in new[] { "terraform", "tofu" })
        {
            foreach (var dir in (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>A new workspace; skips the test with the reason when no terraform or tofu is on PATH.</summary>
    public static async Task<TerraformWorkspace> CreateAsync(MeshdProcess meshd, CancellationToken cancellationToken, bool devOverrides = false)
    {
        var terraform = SkipUnlessInstalled();
        return new TerraformWorkspace(terraform, await MirrorAsync(cancellationToken), meshd, devOverrides);
    }

    /// <summary>The terraform (or tofu) executable; skips the calling test with the reason when there is none.</summary>
    public static string SkipUnlessInstalled()
    {
        var terraform = FindTerraform();
        if (terraform is null)
        {
            Assert.Skip("Neither `terraform` nor `tofu` is on PATH; install one to run the acceptance tests (CI runs them where it has one).");
        }

        return terraform;
    }

    public void Write(string hcl, string file = "main.tf") =>
        File.WriteAllText(Path.Combine(Directory, file), """
            terraform {
              required_providers {
                widemesh = {
                  source = "registry.terraform.io/widemesh/widemesh"
                }
              }
            }

            """ + hcl);

    /// <summary>Runs a command and asserts its exit code (and that nothing in the output shows a protocol violation).</summary>
    public async Task<TerraformResult> RunAsync(string arguments, int expectedExitCode, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        var result = await RunAsync(arguments, cancellationToken, environment);
        Assert.True(result.ExitCode == expectedExitCode, $"expected exit {expectedExitCode}: {result}");
        return result;
    }

    public async Task<TerraformResult> RunAsync(string arguments, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(_terraform)
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["TF_CLI_CONFIG_FILE"] = _cliConfig;
        info.Environment["TF_IN_AUTOMATION"] = "1";
        info.Environment["TF_INPUT"] = "0";
        info.Environment["CHECKPOINT_DISABLE"] = "1";
        info.Environment["NO_COLOR"] = "1";
        info.Environment["WIDEMESH_ENDPOINT"] = _meshd.Endpoint.ToString();
        info.Environment["WIDEMESH_TOKEN"] = _meshd.AdminToken;
        info.Environment.Remove("TF_PLUGIN_CACHE_DIR");
        info.Environment.Remove("TF_REATTACH_PROVIDERS");
        info.Environment.Remove("TF_LOG");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {_terraform}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"terraform {arguments} did not finish within 3 minutes");
        }

        var result = new TerraformResult(arguments, process.ExitCode, await stdout, await stderr);
        foreach (var bad in Forbidden)
        {
            Assert.False(result.Output.Contains(bad, StringComparison.OrdinalIgnoreCase), $"output contains \"{bad}\": {result}");
        }

        Assert.DoesNotContain(_meshd.AdminToken, result.Output, StringComparison.Ordinal);
        return result;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static string PackageDirectory(string mirror) =>
        Path.Combine(mirror, "registry.terraform.io", "widemesh", "widemesh", ProviderVersion, "linux_amd64");

    private static async Task<string> MirrorAsync(CancellationToken cancellationToken)
    {
        await MirrorGate.WaitAsync(cancellationToken);
        try
        {
            if (_mirror is null)
            {
                // One mirror under artifacts/, refreshed when the published binary is newer: nothing left in /tmp.
                var binary = await ProviderBinary.GetPathAsync(cancellationToken);
                var mirror = Path.Combine(RepositoryRoot.Find(), "artifacts", "terraform-mirror");
                var package = PackageDirectory(mirror);
                System.IO.Directory.CreateDirectory(package);
                var target = Path.Combine(package, $"terraform-provider-widemesh_v{ProviderVersion}");
                if (!File.Exists(target) || File.GetLastWriteTimeUtc(target) < File.GetLastWriteTimeUtc(binary))
                {
                    File.Copy(binary, target, overwrite: true);
                }

                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
                }

                _mirror = mirror;
            }

            return _mirror;
        }
        finally
        {
            MirrorGate.Release();
        }
    }
}
