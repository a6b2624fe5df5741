using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Widemesh.Runtime.Benchmarks;

/// <summary>
/// Waits until a TCP port accepts a connection, trying every millisecond. Inside a network namespace, the waiting
/// thread joins it first (<c>setns</c>) and is then thrown away, so the benchmark sees the port exactly as the
/// environment's own processes do, without meshd's ingress or health checks in the way.
/// </summary>
internal static class PortWaiter
{
    private const int CloneNewNet = 0x40000000;

    /// <summary>How long after <paramref name="clock"/> started the port first accepted a connection.</summary>
    public static Task<TimeSpan> WaitAsync(string? namespaceName, IPEndPoint endPoint, Stopwatch clock, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var result = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                if (namespaceName is not null)
                {
                    // `ip netns add` creates the file before it mounts the namespace on it: until then setns says EINVAL.
                    var mount = Path.Combine("/var/run/netns", namespaceName);
                    while (!TryJoin(mount))
                    {
                        Check(clock, timeout, $"namespace {namespaceName}");
                        Thread.Sleep(1);
                    }
                }

                while (true)
                {
                    using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    try
                    {
                        socket.Connect(endPoint);
                        result.TrySetResult(clock.Elapsed);
                        return;
                    }
                    catch (SocketException)
                    {
                        Check(clock, timeout, endPoint.ToString());
                        Thread.Sleep(1);
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or Win32Exception or TimeoutException)
            {
                result.TrySetException(exception);
            }
        })
        { IsBackground = true };
        thread.Start();
        return result.Task.WaitAsync(cancellationToken);
    }

    private static bool TryJoin(string mount)
    {
        if (!File.Exists(mount))
        {
            return false;
        }

        using var handle = File.OpenHandle(mount, FileMode.Open, FileAccess.Read);
        if (SetNamespace((int)handle.DangerousGetHandle(), CloneNewNet) == 0)
        {
            return true;
        }

        var error = Marshal.GetLastPInvokeError();
        return error == 22 ? false : throw new Win32Exception(error);
    }

    private static void Check(Stopwatch clock, TimeSpan timeout, string what)
    {
        if (clock.Elapsed > timeout)
        {
            throw new TimeoutException($"{what} did not answer within {timeout}.");
        }
    }

    [DllImport("libc", EntryPoint = "setns", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetNamespace(int fd, int nsType);
}
