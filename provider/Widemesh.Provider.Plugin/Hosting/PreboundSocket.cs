using System.Net.Sockets;

namespace Widemesh.Provider.Plugin.Hosting;

/// <summary>
/// A unix socket bound and listening before the web host exists, so the handshake line can be printed at once.
/// Its descriptor is then handed to Kestrel, which owns and closes it from there on.
/// </summary>
internal sealed class PreboundSocket : IDisposable
{
    private readonly Socket _socket;
    private bool _handedOver;

    private PreboundSocket(Socket socket) => _socket = socket;

    public static PreboundSocket Listen(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(path));
            socket.Listen(512);
            return new PreboundSocket(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The descriptor, for <c>KestrelServerOptions.ListenHandle</c>; this object no longer closes it.</summary>
    public ulong HandOver()
    {
        var handle = (ulong)_socket.SafeHandle.DangerousGetHandle();
        _socket.SafeHandle.SetHandleAsInvalid();
        _handedOver = true;
        return handle;
    }

    public void Dispose()
    {
        if (!_handedOver)
        {
            _socket.Dispose();
        }
    }
}
