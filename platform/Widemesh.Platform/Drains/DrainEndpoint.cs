using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Drains;

/// <summary>Where a drain sends: a syslog server's host and TCP port, with or without TLS.</summary>
internal sealed record DrainEndpoint(string Host, int Port, bool Tls)
{
    public const string TcpScheme = DrainUrlRules.TcpScheme;

    public const string TlsScheme = DrainUrlRules.TlsScheme;

    /// <summary>Parses a drain URL (<see cref="DrainUrlRules"/>); on failure <paramref name="problem"/> says what is wrong and how to fix it.</summary>
    public static DrainEndpoint? TryParse(string? url, out string? problem) =>
        DrainUrlRules.TryParse(url, "url", out var host, out var port, out var tls, out problem) ? new DrainEndpoint(host, port, tls) : null;

    /// <summary>The normalized URL, as the API shows it.</summary>
    public string ToUrl() => DrainUrlRules.Normalize(Host, Port, Tls);
}
