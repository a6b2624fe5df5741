using System.Diagnostics;
using Widemesh.Testing.Terraform.Plugin;

namespace Widemesh.Provider.Tests.Acceptance;

/// <summary>Terraform attaches to a provider started with `--debug` through TF_REATTACH_PROVIDERS.</summary>
public sealed class DebugModeAcceptanceTests(MeshdForTerraform platform) : IClassFixture<MeshdForTerraform>
{
    [Fact]
    public async Task Terraform_plans_and_applies_through_a_reattached_debug_provider()
    {
        var ct = TestContext.Current.CancellationToken;
        using var tf = await platform.WorkspaceAsync(ct, devOverrides: true);
        var info = new ProcessStartInfo(await ProviderBinary.GetPathAsync(ct), ["--debug"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = tf.Directory,
        };
        info.Environment["WIDEMESH_ENDPOINT"] = platform.Meshd.Endpoint.ToString();
        info.Environment["WIDEMESH_TOKEN"] = platform.Meshd.AdminToken;
        using var debug = Process.Start(info) ?? throw new InvalidOperationException("could not start the provider in debug mode");
        try
        {
            var reattach = await ReadReattachAsync(debug, ct);
            var environment = new Dictionary<string, string> { ["TF_REATTACH_PROVIDERS"] = reattach };
            tf.Write("""
                resource "widemesh_environment" "this" {
                  name  = "tf-debug"
                  racks = ["a"]
                }
                """);

            var apply = await tf.RunAsync("apply -input=false -auto-approve -no-color", 0, ct, environment);
            var clean = await tf.RunAsync("plan -input=false -no-color -detailed-exitcode", 0, ct, environment);
            await tf.RunAsync("destroy -input=false -auto-approve -no-color", 0, ct, environment);

            Assert.Contains("1 added", apply.Stdout, StringComparison.Ordinal);
            Assert.Contains("No changes.", clean.Stdout, StringComparison.Ordinal);
            Assert.False(debug.HasExited, "Terraform must not stop a reattached provider");
        }
        finally
        {
            debug.Kill(entireProcessTree: true);
            await debug.WaitForExitAsync(ct);
        }
    }

    private static async Task<string> ReadReattachAsync(Process process, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var start = line.IndexOf("TF_REATTACH_PROVIDERS=", StringComparison.Ordinal);
            if (start >= 0)
            {
                return line[(start + "TF_REATTACH_PROVIDERS=".Length)..].Trim().Trim('\'');
            }
        }

        throw new InvalidOperationException("--debug printed no TF_REATTACH_PROVIDERS line");
    }
}
