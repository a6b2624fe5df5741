using System.Globalization;

namespace Widemesh.Platform.Racks.Local;

/// <summary>Finds out whether this machine lets meshd make network namespaces, by making one.</summary>
internal static class LocalIsolationProbe
{
    /// <summary>Null when a namespace can be made here; otherwise why not, in a few words.</summary>
    public static async Task<string?> FindProblemAsync(string namespacePrefix, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            return "this is not Linux";
        }

        if (!Environment.IsPrivilegedProcess)
        {
            return "meshd does not run as root";
        }

        if (NetworkNamespaces.IpPath is null)
        {
            return "the `ip` tool (iproute2) is not installed";
        }

        var probe = $"{namespacePrefix}probe-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}";
        // Owned by this process: if meshd dies mid-probe, the next meshd's sweep removes it.
        var created = await NetworkNamespaces.CreateAsync(probe, $"/proc/{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}", cancellationToken);
        await NetworkNamespaces.DeleteAsync(probe, cancellationToken);
        return created.Succeeded ? null : $"`ip netns add` failed: {created.Error}";
    }
}
