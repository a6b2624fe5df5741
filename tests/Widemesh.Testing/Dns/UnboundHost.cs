using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Widemesh.Testing.Dns;

/// <summary>
/// A real Unbound caching resolver on a free loopback port that forwards one zone to meshd's DNS server.
/// Debian's <c>unbound</c> package is installed when missing and the tests run as root; otherwise
/// <see cref="StartAsync"/> returns the reason to skip. Shared by the test projects.
/// </summary>
public sealed class UnboundHost : IAsyncDisposable
{
    private const string Executable = "/usr/sbin/unbound";

    private readonly Process _process;
    private readonly string _directory;

    private UnboundHost(Process process, string directory, IPEndPoint endPoint)
    {
        _process = process;
        _directory = directory;
        EndPoint = endPoint;
    }

    public IPEndPoint EndPoint { get; }

    public static async Task<(UnboundHost? Resolver, string? SkipReason)> StartAsync(string zone, IPEndPoint upstream, CancellationToken cancellationToken)
    {
        if (!File.Exists(Executable) && await InstallAsync(cancellationToken) is { } reason)
        {
            return (null, reason);
        }

        var directory = Directory.CreateTempSubdirectory("widemesh-unbound-").FullName;
        var endPoint = new IPEndPoint(IPAddress.Loopback, LoopbackPorts.UdpAndTcp());
        var config = Path.Combine(directory, "unbound.conf");
        await File.WriteAllTextAsync(config, $"""
            server:
              interface: 127.0.0.1
              port: {endPoint.Port}
              do-ip6: no
              do-daemonize: no
              use-syslog: no
              logfile: ""
              verbosity: 1
              username: ""
              chroot: ""
              directory: "{directory}"
              pidfile: "{directory}/unbound.pid"
              access-control: 127.0.0.0/8 allow
              module-config: "iterator"
              do-not-query-localhost: no
              cache-min-ttl: 0
              prefetch: no
              serve-expired: no
              local-zone: "{zone.Split('.')[^1]}." nodefault
              domain-insecure: "{zone}"
            forward-zone:
              name: "{zone}"
              forward-addr: {upstream.Address}@{upstream.Port}
            """, cancellationToken);

        var process = Process.Start(new ProcessStartInfo(Executable, ["-d", "-c", config])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var resolver = new UnboundHost(process, directory, endPoint);
        await resolver.WaitUntilListeningAsync(cancellationToken);
        return (resolver, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task<string?> InstallAsync(CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux() || System.Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get"))
        {
            return "Unbound is not installed, and installing it needs apt-get as root (run `apt-get install unbound`).";
        }

        var install = new ProcessStartInfo("apt-get", ["install", "-y", "--no-install-recommends", "unbound"])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        install.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(install)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0 && File.Exists(Executable)
            ? null
            : $"Unbound is not installed and `apt-get install unbound` failed ({process.ExitCode}): {await errors}{await output}";
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"unbound exited with code {_process.ExitCode}: {await _process.StandardError.ReadToEndAsync(cancellationToken)}");
            }

            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(EndPoint, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, cancellationToken);
            }
        }

        throw new InvalidOperationException($"unbound did not listen on {EndPoint} within 10 s.");
    }
}
