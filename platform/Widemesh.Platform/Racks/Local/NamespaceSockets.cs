using System.Collections.Concurrent;
using System.ComponentModel;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Widemesh.Platform.Racks.Local;

/// <summary>
/// Opens TCP sockets inside an environment's network namespace. A socket belongs to the namespace of the thread
/// that created it, so one dedicated thread joins the target namespace (<c>setns</c>), creates the socket and goes
/// back to meshd's own namespace (<c>/proc/self/ns/net</c>, opened once). The socket is then used asynchronously
/// from any thread: its connect and its traffic stay in the target namespace.
/// </summary>
internal sealed class NamespaceSockets : IDisposable
{
    private readonly BlockingCollection<Request> _requests = [];
    private readonly SafeFileHandle? _home;
    private readonly Thread? _worker;

    public NamespaceSockets(bool enabled)
    {
        if (!enabled)
        {
            return;
        }

        _home = File.OpenHandle("/proc/self/ns/net", FileMode.Open, FileAccess.Read);
        _worker = new Thread(Work) { IsBackground = true, Name = "widemesh-netns-sockets" };
        _worker.Start();
    }

    /// <summary>A new, unconnected IPv4 TCP socket in <paramref name="namespaceName"/>, or in meshd's namespace when null.</summary>
    public Task<Socket> CreateAsync(string? namespaceName, CancellationToken cancellationToken)
    {
        if (namespaceName is null || _worker is null)
        {
            return Task.FromResult(new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp));
        }

        var request = new Request(namespaceName, new TaskCompletionSource<Socket>(TaskCreationOptions.RunContinuationsAsynchronously));
        _requests.Add(request, cancellationToken);
        return request.Result.Task.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        _requests.CompleteAdding();
        _home?.Dispose();
    }

    private void Work()
    {
        foreach (var request in _requests.GetConsumingEnumerable())
        {
            try
            {
                using var target = File.OpenHandle(Path.Combine("/var/run/netns", request.Namespace), FileMode.Open, FileAccess.Read);
                Join(target);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or Win32Exception)
            {
                request.Result.TrySetException(exception);
                continue;
            }

            try
            {
                request.Result.TrySetResult(new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp));
            }
            catch (SocketException exception)
            {
                request.Result.TrySetException(exception);
            }

            try
            {
                Join(_home!);
            }
            catch (Win32Exception exception)
            {
                // This thread is stuck in another namespace: it must never make another socket.
                _requests.CompleteAdding();
                foreach (var waiting in _requests.GetConsumingEnumerable())
                {
                    waiting.Result.TrySetException(new InvalidOperationException("meshd could not return to its own network namespace.", exception));
                }

                return;
            }
        }
    }

    private static void Join(SafeFileHandle handle)
    {
        if (LocalNative.SetNamespace((int)handle.DangerousGetHandle(), LocalNative.CloneNewNet) != 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError());
        }
    }

    private sealed record Request(string Namespace, TaskCompletionSource<Socket> Result);
}
