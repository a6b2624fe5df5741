using System.Globalization;
using System.Text;
using Widemesh.Cli.Engine.State;
using Widemesh.Cli.Hcl;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Cli.Commands.Logs;

/// <summary>
/// How drains live in a workspace: one <c>resource "widemesh_log_drain" "ENV_HOST_PORT"</c> block per drain, in
/// <c>log_drain_ENV_HOST_PORT.tf</c>; the state maps the block to the platform's drain ID.
/// </summary>
internal static class DrainWorkspace
{
    public const string ResourceType = "widemesh_log_drain";

    /// <summary>The block label for a drain of <paramref name="environment"/> to a valid <paramref name="url"/>: <c>shop_logs_example_com_514</c> (<c>_tls</c> added for TLS).</summary>
    public static string Label(string environment, string url)
    {
        DrainUrlRules.TryParse(url, "url", out var host, out var port, out var tls, out _);
        var builder = new StringBuilder(environment.Replace('-', '_'));
        builder.Append('_');
        foreach (var c in host.ToLowerInvariant())
        {
            builder.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '_');
        }

        builder.Append('_').Append(port.ToString(CultureInfo.InvariantCulture));
        return tls ? builder.Append("_tls").ToString() : builder.ToString();
    }

    public static string FileFor(string label) => $"log_drain_{label}.tf";

    public static string Hcl(string label, string environment, string url) =>
        HclWriter.Write(new HclBodyBuilder().Block("resource", [ResourceType, label], drain => drain
            .Attribute("environment", environment)
            .Attribute("url", url)));

    /// <summary>The drains the workspace state records: drain ID → block label.</summary>
    public static Dictionary<string, string> Managed(string workspace)
    {
        var managed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in StateFile.Read(workspace)?.Resources ?? [])
        {
            if (resource is { Mode: "managed", Type: ResourceType, Module: null }
                && resource.Instances.Count == 1
                && resource.Instances[0].Attributes["id"]?.GetValue<string>() is { } id)
            {
                managed[id] = resource.Name;
            }
        }

        return managed;
    }
}
