using System.Net;
using System.Net.Sockets;
using ARSoft.Tools.Net.Dns;
using Widemesh.Platform.Configuration;

namespace Widemesh.Platform.Dns;

/// <summary>
/// The embedded authoritative DNS server, on UDP and TCP at <c>--dns-listen</c>. A busy or forbidden address
/// does not stop meshd: it logs why DNS is off and how to move it.
/// </summary>
internal sealed class AuthoritativeDnsServer(DnsZone zone, PlatformOptions options, ILogger<AuthoritativeDnsServer> logger) : IHostedService, IDisposable
{
    private const int TransportTimeoutMilliseconds = 5000;
    private const int TcpKeepAliveMilliseconds = 10000;

    private DnsServer? _server;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.DnsListen is not { } endPoint)
        {
            Log.DnsOff(logger);
            return Task.CompletedTask;
        }

        var serverAddress = endPoint.Address.Equals(IPAddress.Any) ? IPAddress.Loopback
            : endPoint.Address.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback
            : endPoint.Address;
        var responder = new DnsResponder(zone, serverAddress);
        try
        {
            var server = new DnsServer(
                new UdpServerTransport(endPoint, TransportTimeoutMilliseconds),
                new TcpServerTransport(endPoint, TransportTimeoutMilliseconds, TcpKeepAliveMilliseconds));
            server.QueryReceived += (_, e) =>
            {
                if (e.Query is DnsMessage query)
                {
                    e.Response = responder.Answer(query);
                }

                return Task.CompletedTask;
            };
            server.ExceptionThrown += (_, e) =>
            {
                Log.DnsQueryFailed(logger, e.Exception);
                return Task.CompletedTask;
            };
            server.Start();
            _server = server;
            Log.DnsListening(logger, endPoint, zone.Zone);
        }
        catch (SocketException exception)
        {
            Log.DnsCannotListen(logger, endPoint, exception.Message);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _server?.Stop();
        _server = null;
        return Task.CompletedTask;
    }

    public void Dispose() => _server?.Stop();
}
