using System.Net;
using Widemesh.Platform.Dns;

namespace Widemesh.Platform.Configuration;

/// <summary>Checks <c>--dns-update</c>, <c>--dns-update-zone</c> and <c>--dns-tsig-key</c>, and reads the key file.</summary>
internal static class DnsUpdateSettings
{
    /// <summary>Null when the options are good (<paramref name="options"/> null when updates are off), else the problem to print.</summary>
    public static string? Problem(string? server, string? updateZone, string? keyFile, string zone, out DnsUpdateOptions? options)
    {
        options = null;
        if (server is null)
        {
            return updateZone is not null || keyFile is not null
                ? "--dns-update-zone and --dns-tsig-key only apply with --dns-update SERVER:PORT (the primary server to send dynamic updates to)."
                : null;
        }

        if (!IPEndPoint.TryParse(server, out var endPoint))
        {
            return $"--dns-update '{server}' is not an IP address with an optional port: give the primary server, such as 127.0.0.1:53 or [::1]:5300.";
        }

        if (endPoint.Port == 0)
        {
            endPoint = new IPEndPoint(endPoint.Address, 53);
        }

        var target = (updateZone ?? zone).TrimEnd('.').ToLowerInvariant();
        if (target != zone && !zone.EndsWith("." + target, StringComparison.Ordinal))
        {
            return $"--dns-update-zone '{target}' does not contain the environments' zone '{zone}': host names are <environment>.{zone}, so the update zone must be {zone} or a parent of it.";
        }

        if (keyFile is null)
        {
            return "--dns-update needs --dns-tsig-key FILE: meshd signs every update with a TSIG key (create one with `tsig-keygen -a hmac-sha256 meshd > FILE; chmod 600 FILE`, and allow it to update the zone on the server).";
        }

        var (key, problem) = TsigKeyFile.Read(keyFile);
        if (key is null)
        {
            return problem;
        }

        options = new DnsUpdateOptions(endPoint, target, key, Path.GetFullPath(keyFile));
        return null;
    }
}
