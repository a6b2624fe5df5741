using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Widemesh.Platform.Racks.Local;

/// <summary>How an instance's process is started and recorded.</summary>
internal sealed partial class LocalInstance
{
    private static readonly string SetsidPath = new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists) ?? "setsid";

    /// <summary>
    /// <c>ip netns exec NS setsid /bin/sh -c COMMAND</c> (or <c>setsid /bin/sh -c COMMAND</c> without isolation): the
    /// shell keeps the process id, leads its own process group (so a stop reaches its children) and sees the
    /// namespace's <c>/etc/hosts</c>.
    /// </summary>
    private ProcessStartInfo StartInfo()
    {
        var start = new ProcessStartInfo(_context.Namespace is null ? SetsidPath : NetworkNamespaces.IpPath ?? "ip")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _workingDirectory,
        };
        if (_context.Namespace is { } name)
        {
            foreach (var argument in new[] { "netns", "exec", name, SetsidPath })
            {
                start.ArgumentList.Add(argument);
            }
        }

        start.ArgumentList.Add("/bin/sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Component.Command);

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MESHD_", StringComparison.Ordinal) || k.StartsWith("WIDEMESH_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        if (Component.Port is { } port)
        {
            start.Environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
        }

        start.Environment["HOST"] = Host;
        start.Environment["WIDEMESH_ENVIRONMENT"] = _context.EnvironmentName;
        start.Environment["WIDEMESH_RACK"] = _context.RackName;
        start.Environment["WIDEMESH_INSTANCE"] = Id;
        foreach (var (key, value) in Component.Environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    /// <summary>Without isolation all environments share one network: a port someone else holds is reported, not fought over.</summary>
    private string? PortProblem()
    {
        if (_context.Namespace is not null || Component.Port is not { } port)
        {
            return null;
        }

        try
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(IPAddress.Parse(Host), port));
            return null;
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return $"port {port} is already in use on this machine by another process; with --isolation none every instance needs a port of its own: change `port` or stop what uses it";
        }
    }

    private string PidFile => Path.Combine(_context.PidDirectory, Id);

    /// <summary>Records the process id with its start time, so a later meshd kills this process and never a reused id.</summary>
    private void WritePidFile(int pid)
    {
        try
        {
            Directory.CreateDirectory(_context.PidDirectory);
            File.WriteAllText(PidFile, $"{pid} {LocalProcesses.StartTime(pid)}");
        }
        catch (IOException)
        {
            // The namespace still finds the process after a crash of meshd; the file is a second way.
        }
    }

    private void DeletePidFile()
    {
        try
        {
            File.Delete(PidFile);
        }
        catch (IOException)
        {
            // Cleaned with the environment's directory.
        }
    }
}
