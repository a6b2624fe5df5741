using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Widemesh.Provider.Plugin.Hosting;

/// <summary>Where the plugin listens: a unix socket in the temp dir, or 127.0.0.1 in the allowed port range on Windows.</summary>
internal sealed record PluginListener(string Network, string Address, int Port)
{
    public static PluginListener Choose(PluginEnvironment environment)
    {
        if (!OperatingSystem.IsWindows())
        {
            var directory = environment.UnixSocketDirectory ?? Path.GetTempPath();
            var name = "plugin" + RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
            return new PluginListener("unix", Path.Combine(directory, name), 0);
        }

        var port = FreePort(environment.MinPort, environment.MaxPort);
        return new PluginListener("tcp", $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", port);
    }

    public void Cleanup()
    {
        if (Network == "unix")
        {
            try
            {
                File.Delete(Address);
            }
            catch (IOException)
            {
                // Best effort: the temp dir is cleaned by the system.
            }
        }
    }

    private static int FreePort(int min, int max)
    {
        var start = RandomNumberGenerator.GetInt32(min, max + 1);
        for (var i = 0; i <= max - min; i++)
        {
            var port = min + ((start - min + i) % (max - min + 1));
            try
            {
                using var probe = new TcpListener(IPAddress.Loopback, port);
                probe.Start();
                probe.Stop();
                return port;
            }
            catch (SocketException)
            {
                // In use: try the next one.
            }
        }

        return 0;
    }
}
