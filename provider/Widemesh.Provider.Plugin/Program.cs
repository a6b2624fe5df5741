using Widemesh.Provider.Plugin.Hosting;

namespace Widemesh.Provider.Plugin;

/// <summary>
/// <c>terraform-provider-widemesh</c>: the process Terraform launches. Stdout carries only the
/// go-plugin handshake line; everything else goes to stderr.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var debug = args.Contains("--debug", StringComparer.Ordinal);
        if (args.Any(a => a is "--help" or "-h" or "--version"))
        {
            await PluginHost.WriteStderrAsync(PluginEnvironment.UsageText, CancellationToken.None);
            return 0;
        }

        var environment = PluginEnvironment.FromProcess();
        if (!debug && !environment.HasMagicCookie)
        {
            await PluginHost.WriteStderrAsync(PluginEnvironment.NotLaunchedByTerraformText, CancellationToken.None);
            return 1;
        }

        return await PluginHost.RunAsync(environment, debug, CancellationToken.None);
    }
}
