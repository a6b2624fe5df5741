using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Widemesh.Platform.Racks.Local;

/// <summary>
/// Network namespaces through the <c>ip</c> tool: create one with only <c>lo</c> up, list the processes inside,
/// delete it, and keep its <c>/etc/netns/&lt;name&gt;/hosts</c> (which <c>ip netns exec</c> shows as <c>/etc/hosts</c>).
/// </summary>
internal static class NetworkNamespaces
{
    public const string MountDirectory = "/var/run/netns";

    public const string EtcDirectory = "/etc/netns";

    /// <summary>One file per namespace meshd made, holding the data directory of the meshd that made it.</summary>
    public const string OwnerDirectory = "/run/widemesh/netns";

    /// <summary>The <c>ip</c> executable, or null when it is not installed.</summary>
    public static string? IpPath { get; } = new[] { "/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip" }.FirstOrDefault(File.Exists);

    public static bool Exists(string name) => File.Exists(Path.Combine(MountDirectory, name));

    /// <summary>The namespaces whose name starts with <paramref name="prefix"/>.</summary>
    public static IReadOnlyList<string> List(string prefix) =>
        Directory.Exists(MountDirectory)
            ? [.. Directory.EnumerateFiles(MountDirectory).Select(Path.GetFileName).OfType<string>().Where(n => n.StartsWith(prefix, StringComparison.Ordinal))]
            : [];

    /// <summary>
    /// Creates the namespace and brings its loopback interface up, recording <paramref name="dataDirectory"/> (or any
    /// directory that lives as long as the namespace should, such as <c>/proc/&lt;pid&gt;</c>) as its owner, so that any
    /// later meshd can delete it once that directory is gone (see <see cref="SweepOrphansAsync"/>).
    /// </summary>
    public static async Task<CommandResult> CreateAsync(string name, string? dataDirectory, CancellationToken cancellationToken)
    {
        if (dataDirectory is not null)
        {
            Directory.CreateDirectory(OwnerDirectory);
            await File.WriteAllTextAsync(Path.Combine(OwnerDirectory, name), dataDirectory, cancellationToken);
        }

        var added = await IpAsync(["netns", "add", name], cancellationToken);
        return added.Succeeded ? await IpAsync(["-n", name, "link", "set", "lo", "up"], cancellationToken) : added;
    }

    /// <summary>Deletes the namespaces whose owning data directory no longer exists (a meshd killed, then its directory removed); returns how many.</summary>
    public static async Task<int> SweepOrphansAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(OwnerDirectory))
        {
            return 0;
        }

        var swept = 0;
        foreach (var file in Directory.EnumerateFiles(OwnerDirectory))
        {
            string owner;
            try
            {
                owner = await File.ReadAllTextAsync(file, cancellationToken);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Another meshd on this machine deleted its namespace (and this entry) since the listing: not ours to sweep.
                continue;
            }

            if (owner.Length > 0 && !Directory.Exists(owner))
            {
                await DeleteAsync(Path.GetFileName(file), cancellationToken);
                swept++;
            }
        }

        return swept;
    }

    /// <summary>The ids of the processes running inside the namespace.</summary>
    public static async Task<IReadOnlyList<int>> PidsAsync(string name, CancellationToken cancellationToken)
    {
        if (!Exists(name))
        {
            return [];
        }

        var result = await IpAsync(["netns", "pids", name], cancellationToken);
        return [.. result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(p => p > 0)];
    }

    /// <summary>Kills (SIGKILL) every process inside, deletes the namespace and its <c>/etc/netns</c> folder.</summary>
    public static async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var pids = await PidsAsync(name, cancellationToken);
            if (pids.Count == 0)
            {
                break;
            }

            foreach (var pid in pids)
            {
                _ = LocalNative.Kill(pid, LocalNative.SigKill);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }

        if (Exists(name))
        {
            await IpAsync(["netns", "del", name], cancellationToken);
        }

        var etc = Path.Combine(EtcDirectory, name);
        try
        {
            Directory.Delete(etc, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Never made, or another meshd sweeping the same orphan deleted it first.
        }

        if (Directory.Exists(OwnerDirectory))
        {
            File.Delete(Path.Combine(OwnerDirectory, name));
        }
    }

    /// <summary>Writes the namespace's hosts file: <c>localhost</c> and one line per address (key: its names, space-separated).</summary>
    public static async Task WriteHostsAsync(string name, IEnumerable<KeyValuePair<string, string>> addressesByName, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(EtcDirectory, name);
        Directory.CreateDirectory(directory);
        var lines = new List<string> { "127.0.0.1\tlocalhost", "::1\tlocalhost ip6-localhost ip6-loopback" };
        lines.AddRange(addressesByName.Select(pair => $"{pair.Value}\t{pair.Key}"));
        var temporary = Path.Combine(directory, "hosts.tmp");
        await File.WriteAllLinesAsync(temporary, lines, cancellationToken);
        File.Move(temporary, Path.Combine(directory, "hosts"), overwrite: true);
    }

    public static Task<CommandResult> IpAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(IpPath ?? "ip", arguments, cancellationToken);

    /// <summary>Runs a short command and collects what it printed; a missing executable answers exit code 127.</summary>
    public static async Task<CommandResult> RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return new CommandResult(process.ExitCode, await output, (await error).Trim());
        }
        catch (Win32Exception exception)
        {
            return new CommandResult(127, string.Empty, $"{fileName}: {exception.Message}");
        }
    }
}
