using System.Globalization;

namespace Widemesh.Provider.Plugin.Hosting;

/// <summary>The go-plugin variables Terraform sets for the provider (protocol doc §1.2).</summary>
internal sealed record PluginEnvironment(
    bool HasMagicCookie,
    IReadOnlyList<int> ProtocolVersions,
    int MinPort,
    int MaxPort,
    string? ClientCertificatePem,
    string? UnixSocketDirectory,
    string? LogLevel)
{
    public const string MagicCookieKey = "TF_PLUGIN_MAGIC_COOKIE";
    public const string MagicCookieValue = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";
    public const int ProtocolVersion = 6;

    public const string NotLaunchedByTerraformText =
        "This binary is a plugin. These are not meant to be executed directly.\n"
        + "Please execute the program that consumes these plugins, which will\n"
        + "load any plugins automatically.\n\n"
        + "terraform-provider-widemesh is the Widemesh Terraform provider: use it from Terraform\n"
        + "(required_providers { widemesh = { source = \"registry.terraform.io/widemesh/widemesh\" } }),\n"
        + "or run it with --debug to serve it for TF_REATTACH_PROVIDERS.\n";

    public const string UsageText =
        "terraform-provider-widemesh: the Widemesh Terraform provider (plugin protocol 6).\n"
        + "Terraform starts it; run it yourself only with --debug, which serves without Terraform\n"
        + "and prints the TF_REATTACH_PROVIDERS value to use.\n";

    public static PluginEnvironment FromProcess() => FromVariables(System.Environment.GetEnvironmentVariable);

    public static PluginEnvironment FromVariables(Func<string, string?> get)
    {
        var versions = (get("PLUGIN_PROTOCOL_VERSIONS") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1)
            .Where(v => v > 0)
            .ToList();
        return new PluginEnvironment(
            get(MagicCookieKey) == MagicCookieValue,
            versions,
            Port(get("PLUGIN_MIN_PORT"), 10000),
            Port(get("PLUGIN_MAX_PORT"), 25000),
            NonEmpty(get("PLUGIN_CLIENT_CERT")),
            NonEmpty(get("PLUGIN_UNIX_SOCKET_DIR")),
            NonEmpty(get("TF_LOG_PROVIDER")) ?? NonEmpty(get("TF_LOG")));
    }

    /// <summary>
    /// go-plugin negotiation: the highest offered version we implement; when none matches, our own
    /// version, so the client reports the mismatch.
    /// </summary>
    public int NegotiateProtocolVersion() => ProtocolVersion;

    public bool ClientOffersOurVersion => ProtocolVersions.Count == 0 || ProtocolVersions.Contains(ProtocolVersion);

    private static int Port(string? text, int fallback) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536 ? port : fallback;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
