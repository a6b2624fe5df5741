namespace Widemesh.Testing.Terraform.Plugin;

/// <summary>How to launch a plugin; the defaults are exactly what Terraform sets (protocol doc §1.2).</summary>
public sealed record PluginLaunchOptions
{
    public const string MagicCookieName = "TF_PLUGIN_MAGIC_COOKIE";

    public const string MagicCookieValue = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";

    public required string ExecutablePath { get; init; }

    /// <summary>The plugin's working directory (Terraform uses the root module directory).</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>The magic cookie value; null leaves the variable out.</summary>
    public string? MagicCookie { get; init; } = MagicCookieValue;

    public string ProtocolVersions { get; init; } = "5,6";

    public int MinPort { get; init; } = 10000;

    public int MaxPort { get; init; } = 25000;

    /// <summary>AutoMTLS on (a fresh client certificate in PLUGIN_CLIENT_CERT) or off (plaintext h2c).</summary>
    public bool AutoMtls { get; init; } = true;

    /// <summary>Extra environment; a null value removes an inherited variable.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Terraform waits one minute for the handshake line.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromMinutes(1);

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
