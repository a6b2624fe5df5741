using System.Diagnostics;
using System.Text.Json;
using Widemesh.Testing.Terraform.Conformance;
using Widemesh.Testing.Terraform.Plugin;

namespace Widemesh.Provider.Tests.Conformance;

/// <summary>`--debug` serves without Terraform and prints a TF_REATTACH_PROVIDERS value Terraform can use (protocol doc §1.6).</summary>
public sealed class DebugModeTests(ProviderUnderTest provider) : IClassFixture<ProviderUnderTest>
{
    [Fact]
    public async Task Debug_mode_prints_reattach_settings_that_reach_a_plaintext_server()
    {
        var ct = TestContext.Current.CancellationToken;
        var info = new ProcessStartInfo(provider.ExecutablePath, ["--debug"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = provider.WorkingDirectory,
        };
        info.Environment.Remove(PluginLaunchOptions.MagicCookieName);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {provider.ExecutablePath}");
        try
        {
            var reattach = await ReadReattachAsync(process, ct);
            var entry = reattach.RootElement.GetProperty("registry.terraform.io/widemesh/widemesh");
            var address = entry.GetProperty("Addr");

            using var channel = PluginProcess.ConnectPlaintext(address.GetProperty("Network").GetString()!, address.GetProperty("String").GetString()!);
            var schemas = await ConformanceHarness.FetchSchemasAsync(new Widemesh.Testing.Terraform.Protocol.Tfplugin6.Provider.ProviderClient(channel), ct);

            Assert.Equal("grpc", entry.GetProperty("Protocol").GetString());
            Assert.Equal(6, entry.GetProperty("ProtocolVersion").GetInt32());
            Assert.Equal(process.Id, entry.GetProperty("Pid").GetInt32());
            Assert.Contains("widemesh_environment", schemas.Resources.Keys);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(ct);
        }
    }

    private static async Task<JsonDocument> ReadReattachAsync(Process process, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var start = line.IndexOf("TF_REATTACH_PROVIDERS=", StringComparison.Ordinal);
            if (start >= 0)
            {
                var value = line[(start + "TF_REATTACH_PROVIDERS=".Length)..].Trim().Trim('\'');
                return JsonDocument.Parse(value);
            }
        }

        throw new InvalidOperationException("--debug printed no TF_REATTACH_PROVIDERS line");
    }
}
