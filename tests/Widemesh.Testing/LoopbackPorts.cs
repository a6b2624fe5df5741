using System.Net;
using System.Net.Sockets;

namespace Widemesh.Testing;

/// <summary>
/// Free loopback ports for test servers, never the same one twice in one test process. The kernel may hand a port
/// just released by <c>bind(0)</c> to the next <c>bind(0)</c>, so two fixtures starting side by side could both get
/// it; one then fails to listen, or, worse, its probe reaches the other's server. A port is still only free until
/// someone binds it, so callers that can, check that their server answers as itself.
/// </summary>
public static class LoopbackPorts
{
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>A TCP port free on 127.0.0.1 now and not handed out before.</summary>
    public static int Tcp() => Next(static () =>
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    });

    /// <summary>A port free for both UDP and TCP on 127.0.0.1 now (a DNS server's), not handed out before.</summary>
    public static int UdpAndTcp() => Next(static () =>
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
        var tcp = new TcpListener(IPAddress.Loopback, port);
        try
        {
            tcp.Start();
            return port;
        }
        catch (SocketException)
        {
            return 0;
        }
        finally
        {
            tcp.Stop();
            tcp.Dispose();
        }
    });

    private static int Next(Func<int> probe)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = probe();
            lock (HandedOut)
            {
                if (port != 0 && HandedOut.Add(port))
                {
                    return port;
                }
            }
        }

        throw new InvalidOperationException("No free loopback port after 100 tries.");
    }
}
