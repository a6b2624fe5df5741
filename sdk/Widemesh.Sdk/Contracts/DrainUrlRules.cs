using System.Globalization;

namespace Widemesh.Sdk.Contracts;

/// <summary>
/// The rule of a drain URL: <c>syslog+tcp://host:port</c>, or <c>syslog+tls://host:port</c> for TLS, with nothing
/// else (no user, path, query or fragment). meshd, the provider (at plan time) and <c>mesh</c> check with this.
/// </summary>
public static class DrainUrlRules
{
    public const string TcpScheme = "syslog+tcp";

    public const string TlsScheme = "syslog+tls";

    private const string Example = "Give one such as syslog+tcp://logs.example.com:514 or syslog+tls://logs.example.com:6514.";

    /// <summary>Returns null when <paramref name="url"/> is valid, else a message naming the field, the rule and the fix.</summary>
    public static string? Validate(string? url, string field) =>
        TryParse(url, field, out _, out _, out _, out var problem) ? null : problem;

    /// <summary>Parses a drain URL into its host (IDN and IPv6 without brackets), port and whether it uses TLS.</summary>
    public static bool TryParse(string? url, string field, out string host, out int port, out bool tls, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(field);
        (host, port, tls, problem) = (string.Empty, 0, false, null);
        if (string.IsNullOrWhiteSpace(url))
        {
            problem = $"{field} is required. {Example}";
            return false;
        }

        var separator = url.IndexOf("://", StringComparison.Ordinal);
        var scheme = separator < 0 ? string.Empty : url[..separator].ToLowerInvariant();
        if (scheme is not (TcpScheme or TlsScheme))
        {
            problem = separator < 0
                ? $"{field} '{url}' has no scheme: start it with syslog+tcp:// or syslog+tls://. {Example}"
                : $"{field} scheme '{url[..separator]}' is not supported: use syslog+tcp (plain TCP) or syslog+tls (TLS). {Example}";
            return false;
        }

        var rest = url[(separator + 3)..];
        var end = rest.IndexOfAny(['/', '?', '#']);
        var authority = end < 0 ? rest : rest[..end];
        var colon = authority.LastIndexOf(':');
        var portText = colon < 0 || authority.EndsWith(']') ? null : authority[(colon + 1)..];
        if (portText is null || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
        {
            problem = portText is null
                ? $"{field} '{url}' has no port: add one after the host, such as :{(scheme == TlsScheme ? 6514 : 514)}. {Example}"
                : $"{field} port '{portText}' is not a TCP port: use a number from 1 to 65535. {Example}";
            return false;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            problem = $"{field} '{url}' has no valid host name or IP address after '{scheme}://'. {Example}";
            return false;
        }

        if (uri.AbsolutePath is not ("/" or "") || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            problem = $"{field} '{url}' must be only {scheme}://host:port, without user, path, query or fragment. {Example}";
            return false;
        }

        host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.IdnHost;
        tls = scheme == TlsScheme;
        return true;
    }

    /// <summary>The normalized form meshd stores and shows: lowercase scheme, IDN host, IPv6 in brackets.</summary>
    public static string Normalize(string host, int port, bool tls)
    {
        ArgumentNullException.ThrowIfNull(host);
        var shown = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
        return $"{(tls ? TlsScheme : TcpScheme)}://{shown}:{port.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>The normalized form of a valid URL, or null when it is not valid.</summary>
    public static string? TryNormalize(string? url) =>
        TryParse(url, "url", out var host, out var port, out var tls, out _) ? Normalize(host, port, tls) : null;
}
