using System.Globalization;
using System.Net;
using Widemesh.Sdk.Durations;

namespace Widemesh.Platform.Configuration;

/// <summary>Checks <c>--dns-listen</c> and <c>--dns-ttl</c>.</summary>
internal static class DnsSettings
{
    private static readonly TimeSpan MaxTtl = TimeSpan.FromDays(1);

    /// <summary>Null when both are good (null values take the defaults), else the problem to print.</summary>
    public static string? Problem(string? listen, string? ttlText, out IPEndPoint? endPoint, out TimeSpan ttl)
    {
        endPoint = PlatformOptions.DefaultDnsListen;
        ttl = PlatformOptions.DefaultDnsTtl;
        if (listen is not null)
        {
            if (listen.Equals("off", StringComparison.OrdinalIgnoreCase))
            {
                endPoint = null;
            }
            else if (!IPEndPoint.TryParse(listen, out endPoint) || endPoint.Port == 0)
            {
                endPoint = null;
                return $"--dns-listen '{listen}' is not an address and port: give one such as 127.0.0.1:5353 or [::1]:5353, or 'off' to turn the DNS server off.";
            }
        }

        if (ttlText is null)
        {
            return null;
        }

        if (int.TryParse(ttlText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            ttl = TimeSpan.FromSeconds(seconds);
        }
        else if (!DurationParser.TryParse(ttlText, out ttl, out var error))
        {
            return $"--dns-ttl: {error}";
        }

        return ttl < TimeSpan.FromSeconds(1) || ttl > MaxTtl
            ? $"--dns-ttl '{ttlText}' is out of range: give a time to live from 1s to 24h, such as 60s."
            : null;
    }
}
