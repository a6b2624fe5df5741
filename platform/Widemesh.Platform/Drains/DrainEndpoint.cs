using System.Globalization;

namespace Widemesh.Platform.Drains;

/// <summary>Where a drain sends: a syslog server's host and TCP port, with or without TLS.</summary>
internal sealed record DrainEndpoint(string Host, int Port, bool Tls)
{
    public const string TcpScheme = "syslog+tcp";

    public const string TlsScheme = "syslog+tls";

    /// <summary>Parses a drain URL; on failure <paramref name="problem"/> says what is wrong and how to fix it.</summary>
    public static DrainEndpoint? TryParse(string? url, out string? problem)
    {
        const string Example = "Give one such as syslog+tcp://logs.example.com:514 or syslog+tls://logs.example.com:6514.";
        problem = null;
        if (string.IsNullOrWhiteSpace(url))
        {
            problem = $"url is required. {Example}";
            return null;
        }

        var separator = url.IndexOf("://", StringComparison.Ordinal);
        var scheme = separator < 0 ? string.Empty : url[..separator].ToLowerInvariant();
        if (scheme is not (TcpScheme or TlsScheme))
        {
            problem = separator < 0
                ? $"url '{url}' has no scheme: start it with syslog+tcp:// or syslog+tls://. {Example}"
                : $"url scheme '{url[..separator]}' is not supported: use syslog+tcp (plain TCP) or syslog+tls (TLS). {Example}";
            return null;
        }

        var rest = url[(separator + 3)..];
        var end = rest.IndexOfAny(['/', '?', '#']);
        var authority = end < 0 ? rest : rest[..end];
        var colon = authority.LastIndexOf(':');
        var portText = colon < 0 || authority.EndsWith(']') ? null : authority[(colon + 1)..];
        if (portText is null || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            problem = portText is null
                ? $"url '{url}' has no port: add one after the host, such as :{(scheme == TlsScheme ? 6514 : 514)}. {Example}"
                : $"url port '{portText}' is not a TCP port: use a number from 1 to 65535. {Example}";
            return null;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            problem = $"url '{url}' has no valid host name or IP address after '{scheme}://'. {Example}";
            return null;
        }

        if (uri.AbsolutePath is not ("/" or "") || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            problem = $"url '{url}' must be only {scheme}://host:port, without user, path, query or fragment. {Example}";
            return null;
        }

        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.IdnHost;
        return new DrainEndpoint(host, port, scheme == TlsScheme);
    }

    /// <summary>The normalized URL, as the API shows it.</summary>
    public string ToUrl()
    {
        var host = Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;
        return $"{(Tls ? TlsScheme : TcpScheme)}://{host}:{Port.ToString(CultureInfo.InvariantCulture)}";
    }
}
